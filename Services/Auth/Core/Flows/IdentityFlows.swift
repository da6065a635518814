import Postgres

/// The flows of dialects that know a person by a mobile number or an e-mail address (the mobile
/// mall): codes by SMS or e-mail, sign-up, reset, binding a new mobile or e-mail, the pay password
/// and account linking (signing in with a password is `PasswordSignIn`). Each proves its code or
/// password first, then writes what it changes in one transaction.
struct IdentityFlows: Sendable {
    let credentials: CredentialFlows
    let payPasswords: PayPasswords
    let links: AccountLinks

    private var accounts: Accounts { credentials.accounts }
    private var codes: VerificationCodes { credentials.codes }
    private var database: PostgresPool { credentials.database }

    /// Checks a code without using it up.
    func checkCode(
        _ code: String, for identity: AccountIdentity, purpose: CodePurpose
    ) async throws
        -> CredentialRefusal?
    {
        switch try await codes.check(target: identity.value, purpose: purpose, code: code) {
        case .valid: nil
        case .wrong: .codeWrong
        case .expired: .codeExpired
        }
    }

    /// A new account known by `identity` with `password`, proven by a registration code.
    func register(
        identity: AccountIdentity, password: String, code: String
    ) async throws
        -> Result<AccountRecord, CredentialRefusal>
    {
        let codeID: Int64
        switch try await codes.check(target: identity.value, purpose: .register, code: code) {
        case .wrong: return .failure(.codeWrong)
        case .expired: return .failure(.codeExpired)
        case .valid(let id): codeID = id
        }
        if try await accounts.find(identity) != nil { return .failure(.accountExists) }
        let hash = try await accounts.hash(password)
        return try await inTransaction(refusing: CredentialRefusal.self, taken: .accountExists) { transaction in
            guard let account = try await accounts.create(identity, passwordHash: hash, on: transaction) else {
                return .failure(.accountExists)
            }
            guard try await codes.consume(id: codeID, on: transaction) else { return .failure(.codeExpired) }
            return .success(account)
        }
    }

    /// A new password for the account of `identity`, proven by a reset code; lifts a lock and ends
    /// every client session of the account.
    func resetPassword(
        identity: AccountIdentity, code: String, new: String
    ) async throws
        -> Result<Void, CredentialRefusal>
    {
        let codeID: Int64
        switch try await codes.check(target: identity.value, purpose: .reset, code: code) {
        case .wrong: return .failure(.codeWrong)
        case .expired: return .failure(.codeExpired)
        case .valid(let id): codeID = id
        }
        guard let account = try await accounts.find(identity) else { return .failure(.accountNotFound) }
        let hash = try await accounts.hash(new)
        let outcome: Result<Void, CredentialRefusal> = try await inTransaction(
            refusing: CredentialRefusal.self, taken: .accountExists
        ) { transaction in
            guard try await codes.consume(id: codeID, on: transaction) else { return .failure(.codeExpired) }
            try await accounts.setPassword(account: account.id, hash: hash, on: transaction)
            try await credentials.sessions.revokeAfterPasswordChange(
                account: account.id, keepingToken: nil, on: transaction)
            return .success(())
        }
        if case .success = outcome { await credentials.notices.accountChanged(account.id) }
        return outcome
    }

    /// Whether `account` may bind `identity`: nobody else holds it, and an account that already has a
    /// binding of that kind (or any password) proves itself with its login password (a wrong one
    /// counts toward the locks, from `clientAddress`).
    func checkBinding(
        account id: Int64, identity: AccountIdentity, password: String?, clientAddress: String?
    ) async throws
        -> IdentityRefusal?
    {
        guard let account = try await accounts.find(id: id) else { return .credential(.accountNotFound) }
        if let holder = try await accounts.find(identity), holder.id != id { return .identityTaken }
        let current: String? =
            switch identity {
            case .mobile: account.mobile
            case .email: account.email
            }
        guard current != nil else { return nil }
        guard let password else { return .passwordRequired }
        switch try await accounts.checkPassword(account: id, password: password, clientAddress: clientAddress) {
        case .matches: return nil
        case .wrong: return .credential(.wrongPassword)
        case .locked: return .credential(.accountLocked)
        }
    }

    /// Binds `identity` to `account` (first binding, or a change proven by the login password), with a
    /// code sent to the new identity.
    func bind(
        account id: Int64, identity: AccountIdentity, code: String, password: String?, clientAddress: String?
    ) async throws
        -> IdentityRefusal?
    {
        let codeID: Int64
        switch try await codes.check(target: identity.value, purpose: .register, code: code) {
        case .wrong: return .credential(.codeWrong)
        case .expired: return .credential(.codeExpired)
        case .valid(let found): codeID = found
        }
        if let refusal = try await checkBinding(
            account: id, identity: identity, password: password, clientAddress: clientAddress)
        {
            return refusal
        }
        let outcome: Result<Void, IdentityRefusal> = try await inTransaction(
            refusing: IdentityRefusal.self, taken: .identityTaken
        ) { transaction in
            guard try await accounts.bind(identity, to: id, on: transaction) else { return .failure(.identityTaken) }
            guard try await codes.consume(id: codeID, on: transaction) else {
                return .failure(.credential(.codeExpired))
            }
            return .success(())
        }
        if case .failure(let refusal) = outcome { return refusal }
        await credentials.notices.accountChanged(id)
        return nil
    }

    /// Sets the pay password of `account`, proven by a code sent to the account's own mobile or e-mail.
    func setPayPassword(
        account id: Int64, identity: AccountIdentity, code: String, payPassword: String
    )
        async throws -> IdentityRefusal?
    {
        guard let holder = try await accounts.find(identity), holder.id == id else { return .notOwnIdentity }
        let codeID: Int64
        switch try await codes.check(target: identity.value, purpose: .reset, code: code) {
        case .wrong: return .credential(.codeWrong)
        case .expired: return .credential(.codeExpired)
        case .valid(let found): codeID = found
        }
        let outcome: Result<Void, IdentityRefusal> = try await inTransaction(
            refusing: IdentityRefusal.self, taken: .identityTaken
        ) { transaction in
            guard try await codes.consume(id: codeID, on: transaction) else {
                return .failure(.credential(.codeExpired))
            }
            try await payPasswords.set(account: id, password: payPassword, on: transaction)
            return .success(())
        }
        if case .failure(let refusal) = outcome { return refusal }
        return nil
    }

    /// Links `member` to the primary account of `primaryIdentity`, proven by the primary's login
    /// password (its wrong tries count toward the primary's locks, from `clientAddress`).
    func merge(
        member: Int64, primaryIdentity: AccountIdentity, password: String, clientAddress: String?
    ) async throws -> IdentityRefusal? {
        guard let primary = try await accounts.find(primaryIdentity) else { return .credential(.wrongPassword) }
        switch try await accounts.checkPassword(account: primary.id, password: password, clientAddress: clientAddress) {
        case .wrong: return .credential(.wrongPassword)
        case .locked: return .credential(.accountLocked)
        case .matches: break
        }
        if let refusal = try await links.link(member: member, primary: primary.id) { return .link(refusal) }
        await credentials.notices.accountChanged(member)
        return nil
    }

    /// Opens a session on the account linked to `account` (see `AccountLinks.switchTarget`) in place of
    /// the caller's session, which ends.
    func switchLinked(
        account: Int64, scope: String, app: String, currentToken: String?
    ) async throws
        -> Result<SignedIn, IdentityRefusal>
    {
        guard let target = try await links.switchTarget(from: account),
            let record = try await accounts.find(id: target)
        else { return .failure(.noLinkedAccount) }
        let token = try await credentials.sessions.openReplacing(
            account: target, scope: scope, app: app, openID: record.openID)
        if let currentToken { try await credentials.sessions.revoke(scope: scope, token: currentToken) }
        return .success(SignedIn(account: record, token: token))
    }

    /// Runs `body` in a transaction whose refusal rolls the work back; a unique violation (a concurrent
    /// request took the mobile or e-mail first) is the refusal `taken`.
    private func inTransaction<T: Sendable, Refusal: Error>(
        refusing _: Refusal.Type, taken: Refusal, _ body: (PostgresTransaction) async throws -> Result<T, Refusal>
    ) async throws -> Result<T, Refusal> {
        do {
            return try await database.transaction(refusing: Refusal.self, body)
        } catch let error as PostgresError where error.isUniqueViolation {
            return .failure(taken)
        }
    }
}
