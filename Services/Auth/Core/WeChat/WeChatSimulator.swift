import Crypto
import Postgres

/// WeChat's `jscode2session` as development and test see it. A login code comes from `issueCode`
/// (the admin operation `wechat.code`) for a simulated person; like a `wx.login` code it works once
/// (40163 after that), dies after five minutes, and anything it did not issue is invalid (40029).
/// A person has the same open id in an app every time, a different one in each app, and one union
/// id across apps, as WeChat gives them to apps of one open-platform account.
struct WeChatSimulator: WeChatLoginProvider {
    /// How long an issued code works, as `wx.login` codes do.
    static let codeLifetimeSeconds = 300

    let database: PostgresPool

    /// A new code that logs `person` into `app`.
    func issueCode(app: String, person: String) async throws -> String {
        let code = SecureRandom.token(bytes: 16)
        try await database.transaction { transaction in
            try await transaction.execute(
                """
                DELETE FROM auth.wechat_simulator_codes
                 WHERE code_hash IN (SELECT code_hash FROM auth.wechat_simulator_codes
                                      WHERE created_at < now() - interval '1 day' LIMIT 100)
                """)
            try await transaction.execute(
                """
                INSERT INTO auth.wechat_simulator_codes (code_hash, app_id, person, expires_at)
                VALUES (\(Self.hash(app: app, code: code)), \(app), \(person),
                        now() + make_interval(secs => \(Self.codeLifetimeSeconds)))
                """)
        }
        return code
    }

    func exchange(code: String, app: WeChatApp) async throws(WeChatLoginError) -> WeChatSession {
        let hash = Self.hash(app: app.id, code: code)
        let person: String
        do {
            let used = try await database.query(
                """
                UPDATE auth.wechat_simulator_codes SET used_at = now()
                 WHERE code_hash = \(hash) AND app_id = \(app.id) AND used_at IS NULL AND expires_at > now()
                RETURNING person
                """)
            if let row = used.first {
                person = try row.decode("person", as: String.self)
            } else {
                let earlier = try await database.query(
                    "SELECT used_at IS NOT NULL AS used FROM auth.wechat_simulator_codes WHERE code_hash = \(hash)")
                if try earlier.first?.decode("used", as: Bool.self) == true {
                    throw WeChatLoginError.rejected(WeChatLoginError.codeUsed, "code been used")
                }
                throw WeChatLoginError.rejected(WeChatLoginError.invalidCode, "invalid code")
            }
        } catch let error as WeChatLoginError {
            throw error
        } catch {
            throw WeChatLoginError(.unreachable("simulator store: \(error)"))
        }
        return WeChatSession(
            openID: Self.openID(app: app.id, person: person), unionID: Self.unionID(person: person),
            sessionKey: Base64.encode(SecureRandom.bytes(16)))
    }

    /// The open id `person` has in `app`: 28 characters like WeChat's (`o` and 27 of base64url).
    static func openID(app: String, person: String) -> String {
        "o" + identifier(of: "openid\n\(app)\n\(person)")
    }

    /// The union id `person` has in every app.
    static func unionID(person: String) -> String {
        "u" + identifier(of: "unionid\n\(person)")
    }

    private static func identifier(of text: String) -> String {
        let encoded = Base64.encode(Digest.sha256("wechat-simulator\n" + text))
        let urlSafe = encoded.map { character -> Character in
            switch character {
            case "+": "-"
            case "/": "_"
            default: character
            }
        }
        return String(urlSafe.prefix(27))
    }

    private static func hash(app: String, code: String) -> [UInt8] {
        Digest.sha256("\(app)\n\(code)")
    }
}
