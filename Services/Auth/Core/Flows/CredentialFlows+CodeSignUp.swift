import Postgres

extension CredentialFlows {
    /// Signs in the account of `mobile` with a login code, opening an account (without a password)
    /// for a mobile seen for the first time: the code proves the phone, which is the identity. A
    /// password lock does not stop it.
    func logInOrSignUp(
        mobile: String, code: String, scope: String, app: String
    ) async throws -> Result<SignedIn, CredentialRefusal> {
        let codeID: Int64
        switch try await codes.check(target: mobile, purpose: .login, code: code) {
        case .wrong: return .failure(.codeWrong)
        case .expired: return .failure(.codeExpired)
        case .valid(let id): codeID = id
        }
        let account: AccountRecord? = try await database.transaction { transaction in
            guard try await codes.consume(id: codeID, on: transaction) else { return nil }
            if let created = try await accounts.create(mobile: mobile, passwordHash: nil, on: transaction) {
                return created
            }
            let rows = try await transaction.query(
                "SELECT \(unsafeSQL: AccountRecord.columns) FROM auth.accounts WHERE mobile = \(mobile)")
            return try rows.first.map(AccountRecord.init(row:))
        }
        guard let account else { return .failure(.codeExpired) }
        let token = try await sessions.openReplacing(
            account: account.id, scope: scope, app: app, openID: account.openID)
        return .success(SignedIn(account: account, token: token))
    }

    /// Signs in the account of `mobile` with its password; the wrong try that reaches the limit locks
    /// the account for `lockSeconds` (the dialect's own lock time).
    func logIn(
        mobile: String, password: String, scope: String, app: String, lockSeconds: Int
    ) async throws -> Result<SignedIn, CredentialRefusal> {
        guard let account = try await accounts.find(mobile: mobile) else { return .failure(.accountNotFound) }
        switch try await accounts.checkPassword(account: account.id, password: password, lockSeconds: lockSeconds) {
        case .wrong: return .failure(.wrongPassword)
        case .locked: return .failure(.accountLocked)
        case .matches:
            let token = try await sessions.openReplacing(
                account: account.id, scope: scope, app: app, openID: account.openID)
            return .success(SignedIn(account: account, token: token))
        }
    }
}
