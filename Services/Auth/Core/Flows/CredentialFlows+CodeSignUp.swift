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
}
