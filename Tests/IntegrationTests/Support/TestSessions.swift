import JSON

/// Accounts and sessions made through the auth service's factory operations (`factory.accounts.create`,
/// `factory.sessions.open`), as a test of another service needs them, without touching auth's tables.
enum TestSessions {
    /// A session of `account` in `dialect`, already ended for `revokedReason` when one is given.
    static func open(
        _ mesh: TestMesh, dialect: String, account: Int64, revokedReason: String? = nil
    ) async throws
        -> String
    {
        var body: JSONObject = ["account_id": .string(String(account)), "dialect": .string(dialect)]
        if let revokedReason { body["revoked_reason"] = .string(revokedReason) }
        let reply = try await AdminClient(mesh: mesh).internalCall("auth", "factory.sessions.open", body)
        guard let token = reply["data"]?["token"]?.stringValue else { throw HarnessError("no session: \(reply)") }
        return token
    }

    /// A new account known by `mobile` and/or `email`, without a password.
    static func createAccount(_ mesh: TestMesh, mobile: String?, email: String? = nil) async throws -> Int64 {
        var body: JSONObject = [:]
        if let mobile { body["mobile"] = .string(mobile) }
        if let email { body["email"] = .string(email) }
        let reply = try await AdminClient(mesh: mesh).internalCall("auth", "factory.accounts.create", body)
        guard let text = reply["data"]?["account_id"]?.stringValue, let id = Int64(text) else {
            throw HarnessError("no account: \(reply)")
        }
        return id
    }
}
