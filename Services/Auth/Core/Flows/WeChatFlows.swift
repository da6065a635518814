import Postgres

/// The WeChat sign-in flows of the mini-program dialects (train, O2O). A WeChat login gives a
/// session on the account the identity is bound to; binding a mobile proven by an SMS code (or
/// using a scene) makes the mobile's account the identity's account, so one person has one account:
/// the identity and the caller's session move there, and an account that had nothing but WeChat
/// identities hands all of them over.
struct WeChatFlows: Sendable {
    /// The role of an O2O session whose account has no mobile yet: services answer its calls with
    /// "not logged in" (O2O 10003) until the mobile is bound.
    static let unboundO2ORole = "guest"

    let credentials: CredentialFlows
    let identities: WeChatIdentities
    let provider: any WeChatLoginProvider

    var database: PostgresPool { credentials.database }
    var sessions: SessionStore { credentials.sessions }

    /// Exchanges a `wx.login` code of `app` and opens a session in `scope` on `sessionApp`, ending the
    /// account's earlier one there. `role` gives the session's role for the account found.
    func signIn(
        code: String, app: WeChatApp, scope: String, sessionApp: String,
        role: @Sendable (AccountRecord) -> String?
    ) async throws -> Result<WeChatSignedIn, WeChatLoginError> {
        let session: WeChatSession
        do {
            session = try await provider.exchange(code: code, app: app)
        } catch {
            return .failure(error)
        }
        let account = try await identities.account(app: app.id, openID: session.openID, unionID: session.unionID)
        let token = try await sessions.openReplacing(
            account: account.id, scope: scope, app: sessionApp, openID: session.openID, role: role(account))
        return .success(WeChatSignedIn(account: account, token: token, openID: session.openID))
    }

    /// Signs the simulated person `person` of `app` into the account of `mobile` (made if needed),
    /// without asking any provider: the O2O document's test login.
    func signInTestUser(
        person: String, mobile: String, app: String, scope: String
    ) async throws -> WeChatSignedIn {
        let openID = WeChatSimulator.openID(app: app, person: person)
        let account = try await database.transaction { transaction in
            _ = try await transaction.query("SELECT pg_advisory_xact_lock(hashtextextended(\("mobile:" + mobile), 0))")
            let existing = try await transaction.query(
                "SELECT \(unsafeSQL: AccountRecord.columns) FROM auth.accounts WHERE mobile = \(mobile)")
            let account: AccountRecord
            if let found = try existing.first.map(AccountRecord.init(row:)) {
                account = found
            } else {
                account = try await identities.createAccount(mobile: mobile, on: transaction)
            }
            try await identities.bind(app: app, openID: openID, to: account.id, on: transaction)
            return account
        }
        let token = try await sessions.openReplacing(account: account.id, scope: scope, app: app, openID: openID)
        return WeChatSignedIn(account: account, token: token, openID: openID)
    }

    /// Binds `mobile`, proven by a bind code, to the WeChat user of the session `token` in `scope`
    /// (`identityApp` gives the app id of the identity from the session's app). The mobile's account
    /// becomes the identity's and the session's account; a mobile nobody has goes to the caller's
    /// account when it has none yet, else to a new account. Answers the account the session now names.
    func bindMobile(
        token: String, scope: String, identityApp: @escaping @Sendable (String) -> String, mobile: String,
        code: String
    ) async throws -> Result<AccountRecord, BindingRefusal> {
        if case .refused = try await sessions.resolve(scope: scope, token: token) { return .failure(.sessionGone) }
        let codeID: Int64
        switch try await credentials.codes.check(target: mobile, purpose: .bind, code: code) {
        case .wrong: return .failure(.codeWrong)
        case .expired: return .failure(.codeExpired)
        case .valid(let id): codeID = id
        }
        let outcome: Result<AccountRecord, BindingRefusal> = try await retryingOnTakenMobile {
            try await database.transaction { transaction in
                _ = try await transaction.query(
                    "SELECT pg_advisory_xact_lock(hashtextextended(\("mobile:" + mobile), 0))")
                let caller: CallerSession
                switch try await CallerSession.lock(token: token, scope: scope, on: transaction) {
                case .success(let found): caller = found
                case .failure(let refusal): return .failure(refusal)
                }
                guard try await credentials.codes.consume(id: codeID, on: transaction) else {
                    return .failure(.codeExpired)
                }
                let owner = try await transaction.query(
                    "SELECT \(unsafeSQL: AccountRecord.columns) FROM auth.accounts WHERE mobile = \(mobile)")
                let target: AccountRecord
                if let owner = try owner.first.map(AccountRecord.init(row:)) {
                    target = owner
                } else if caller.account.mobile == nil {
                    let updated = try await transaction.query(
                        """
                        UPDATE auth.accounts SET mobile = \(mobile) WHERE id = \(caller.account.id)
                        RETURNING \(unsafeSQL: AccountRecord.columns)
                        """)
                    target = try AccountRecord(row: updated[0])
                } else {
                    target = try await identities.createAccount(mobile: mobile, on: transaction)
                }
                try await move(caller, app: identityApp(caller.app), to: target, on: transaction)
                return .success(target)
            }
        }
        if case .success(let target) = outcome { await credentials.notices.accountChanged(target.id) }
        return outcome
    }

    /// Signs the WeChat user of the session `token` into the account of the scene `sceneID`, once per
    /// scene and WeChat user; answers the account and the scene's payload.
    func claimScene(
        token: String, scope: String, identityApp: @escaping @Sendable (String) -> String, sceneID: String
    ) async throws -> Result<ClaimedScene, BindingRefusal> {
        try await database.transaction { transaction in
            let caller: CallerSession
            switch try await CallerSession.lock(token: token, scope: scope, on: transaction) {
            case .success(let found): caller = found
            case .failure(let refusal): return .failure(refusal)
            }
            let scenes = try await transaction.query(
                """
                SELECT account_id, payload::text AS payload, claimed_app_id, claimed_open_id
                  FROM auth.scenes WHERE id = \(sceneID) AND expires_at > now()
                   FOR UPDATE
                """)
            guard let scene = scenes.first else { return .failure(.sceneInvalid) }
            let app = identityApp(caller.app)
            let claimedApp = try scene.decode("claimed_app_id", as: String?.self)
            let claimedOpenID = try scene.decode("claimed_open_id", as: String?.self)
            if claimedApp != nil && (claimedApp != app || claimedOpenID != caller.openID) {
                return .failure(.sceneInvalid)
            }
            let accountID = try scene.decode("account_id", as: Int64.self)
            let rows = try await transaction.query(
                "SELECT \(unsafeSQL: AccountRecord.columns) FROM auth.accounts WHERE id = \(accountID)")
            guard let target = try rows.first.map(AccountRecord.init(row:)) else { return .failure(.sceneInvalid) }
            if caller.account.id != target.id && caller.account.mobile != nil { return .failure(.boundElsewhere) }
            try await move(caller, app: app, to: target, on: transaction)
            try await transaction.execute(
                """
                UPDATE auth.scenes SET claimed_app_id = \(app), claimed_open_id = \(caller.openID), claimed_at = now()
                 WHERE id = \(sceneID) AND claimed_at IS NULL
                """)
            return .success(ClaimedScene(account: target, payload: try scene.decode("payload", as: String.self)))
        }
    }

    /// Makes `target` the account of the caller's WeChat identity and session. An account with no
    /// mobile is only a WeChat user's placeholder: all its identities and live sessions go along.
    /// The target's earlier session on the caller's app ends (one session per account and app), and
    /// its O2O sessions are no longer unbound once it has a mobile.
    private func move(
        _ caller: CallerSession, app: String, to target: AccountRecord, on transaction: PostgresTransaction
    ) async throws {
        if caller.account.id != target.id {
            _ = try await transaction.query(
                """
                SELECT pg_advisory_xact_lock(
                    hashtextextended(\("session:\(caller.scope):\(caller.app):\(target.id)"), 0))
                """)
            if caller.account.mobile == nil {
                try await transaction.execute(
                    """
                    UPDATE auth.wechat_identities SET account_id = \(target.id)
                     WHERE account_id = \(caller.account.id)
                    """)
                try await transaction.execute(
                    """
                    UPDATE auth.sessions SET account_id = \(target.id)
                     WHERE account_id = \(caller.account.id) AND revoked_at IS NULL
                    """)
            }
            try await identities.bind(app: app, openID: caller.openID, to: target.id, on: transaction)
            try await transaction.execute(
                "UPDATE auth.sessions SET account_id = \(target.id) WHERE token_hash = \(caller.tokenHash)")
            try await transaction.execute(
                """
                UPDATE auth.sessions SET revoked_at = now(), revoked_reason = 'replaced'
                 WHERE account_id = \(target.id) AND dialect = \(caller.scope) AND app = \(caller.app)
                   AND revoked_at IS NULL AND token_hash <> \(caller.tokenHash)
                """)
        }
        if target.mobile != nil {
            try await transaction.execute(
                """
                UPDATE auth.sessions SET role = NULL
                 WHERE account_id = \(target.id) AND dialect = 'o2o' AND role = \(Self.unboundO2ORole)
                """)
        }
    }

    /// Runs `body` again once when a concurrent sign-up took the mobile it was binding.
    private func retryingOnTakenMobile<Value>(_ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch let error as PostgresError where error.isUniqueViolation {
            return try await body()
        }
    }
}

/// The caller's live session, locked for the rest of a transaction.
private struct CallerSession {
    let tokenHash: [UInt8]
    let scope: String
    let app: String
    let openID: String
    let account: AccountRecord

    static func lock(
        token: String, scope: String, on transaction: PostgresTransaction
    ) async throws -> Result<CallerSession, BindingRefusal> {
        let hash = SessionStore.hash(token)
        let rows = try await transaction.query(
            """
            SELECT account_id, app, open_id FROM auth.sessions
             WHERE token_hash = \(hash) AND dialect = \(scope) AND revoked_at IS NULL AND expires_at > now()
               FOR UPDATE
            """)
        guard let row = rows.first else { return .failure(.sessionGone) }
        guard let openID = try row.decode("open_id", as: String?.self) else { return .failure(.openIDMissing) }
        let accountID = try row.decode("account_id", as: Int64.self)
        let accounts = try await transaction.query(
            "SELECT \(unsafeSQL: AccountRecord.columns) FROM auth.accounts WHERE id = \(accountID) FOR UPDATE")
        guard let account = try accounts.first.map(AccountRecord.init(row:)) else { return .failure(.sessionGone) }
        return .success(
            CallerSession(
                tokenHash: hash, scope: scope, app: try row.decode("app", as: String.self), openID: openID,
                account: account))
    }
}
