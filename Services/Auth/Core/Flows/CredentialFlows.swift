import Postgres

/// The sign-up, code sign-in and password flows of every dialect, built from codes, accounts and
/// sessions (signing in with a password is `PasswordSignIn`). Each flow proves the code or password first, then writes everything it changes in one
/// transaction, so a refusal leaves nothing half-done.
struct CredentialFlows: Sendable {
    let database: PostgresPool
    let accounts: Accounts
    let codes: VerificationCodes
    let sessions: SessionStore
    /// Sends the codes the flows check.
    let sender: CodeSender
    /// Tells the gateway when an account's sessions or facts changed.
    let notices: SessionNotices

    /// A new account for `mobile` with `password`, proven by a registration code, signed in on `app`.
    func register(
        mobile: String, password: String, code: String, scope: String, app: String
    ) async throws -> Result<SignedIn, CredentialRefusal> {
        let codeID: Int64
        switch try await codes.check(target: mobile, purpose: .register, code: code) {
        case .wrong: return .failure(.codeWrong)
        case .expired: return .failure(.codeExpired)
        case .valid(let id): codeID = id
        }
        if try await accounts.find(mobile: mobile) != nil { return .failure(.accountExists) }
        let hash = try await accounts.hash(password)
        let created: Result<AccountRecord, CredentialRefusal> = try await database.transaction(
            refusing: CredentialRefusal.self
        ) { transaction in
            guard let account = try await accounts.create(mobile: mobile, passwordHash: hash, on: transaction) else {
                return .failure(.accountExists)
            }
            guard try await codes.consume(id: codeID, on: transaction) else { return .failure(.codeExpired) }
            return .success(account)
        }
        switch created {
        case .success(let account): return .success(try await signIn(account, scope: scope, app: app))
        case .failure(let refusal): return .failure(refusal)
        }
    }

    /// Signs in the account of `mobile` with a login code. A password lock does not stop it: the code
    /// proves the phone.
    func logIn(
        mobile: String, code: String, scope: String, app: String
    ) async throws -> Result<SignedIn, CredentialRefusal> {
        let codeID: Int64
        switch try await codes.check(target: mobile, purpose: .login, code: code) {
        case .wrong: return .failure(.codeWrong)
        case .expired: return .failure(.codeExpired)
        case .valid(let id): codeID = id
        }
        guard let account = try await accounts.find(mobile: mobile) else { return .failure(.accountNotFound) }
        guard try await codes.consume(id: codeID, on: database) else { return .failure(.codeExpired) }
        return .success(try await signIn(account, scope: scope, app: app))
    }

    /// The one password sign-in of every dialect.
    var passwordSignIn: PasswordSignIn { PasswordSignIn(accounts: accounts, sessions: sessions) }

    /// Replaces the password of `account` after checking the old one (a wrong one counts toward the
    /// locks, from `clientAddress`); every other client session of the account ends (the one of
    /// `keepingToken` stays).
    func changePassword(
        account id: Int64, old: String, new: String, keepingToken: String?, clientAddress: String?
    ) async throws -> Result<Void, CredentialRefusal> {
        guard try await accounts.find(id: id) != nil else { return .failure(.accountNotFound) }
        switch try await accounts.checkPassword(account: id, password: old, clientAddress: clientAddress) {
        case .wrong: return .failure(.wrongPassword)
        case .locked: return .failure(.accountLocked)
        case .matches: break
        }
        let hash = try await accounts.hash(new)
        try await database.transaction { transaction in
            try await accounts.setPassword(account: id, hash: hash, on: transaction)
            try await sessions.revokeAfterPasswordChange(account: id, keepingToken: keepingToken, on: transaction)
        }
        await notices.accountChanged(id)
        return .success(())
    }

    /// Sets a new password for the account of `mobile`, proven by a reset code; lifts a lock and
    /// ends every client session of the account.
    func resetPassword(mobile: String, code: String, new: String) async throws -> Result<Void, CredentialRefusal> {
        let codeID: Int64
        switch try await codes.check(target: mobile, purpose: .reset, code: code) {
        case .wrong: return .failure(.codeWrong)
        case .expired: return .failure(.codeExpired)
        case .valid(let id): codeID = id
        }
        guard let account = try await accounts.find(mobile: mobile) else { return .failure(.accountNotFound) }
        let hash = try await accounts.hash(new)
        let outcome: Result<Void, CredentialRefusal> = try await database.transaction(
            refusing: CredentialRefusal.self
        ) { transaction in
            guard try await codes.consume(id: codeID, on: transaction) else { return .failure(.codeExpired) }
            try await accounts.setPassword(account: account.id, hash: hash, on: transaction)
            try await sessions.revokeAfterPasswordChange(account: account.id, keepingToken: nil, on: transaction)
            return .success(())
        }
        if case .success = outcome { await notices.accountChanged(account.id) }
        return outcome
    }

    private func signIn(_ account: AccountRecord, scope: String, app: String) async throws -> SignedIn {
        let token = try await sessions.openReplacing(
            account: account.id, scope: scope, app: app, openID: account.openID)
        return SignedIn(account: account, token: token)
    }
}
