/// Signing in with a password, the one use case every dialect calls: find the account by its mobile
/// number or e-mail address, check the password under the lock rules (counted against the account and
/// against the client address trying it), and open the session the dialect asks for. The dialect
/// adapters only read their parameters and word the refusal (see `SignInRefusal`).
struct PasswordSignIn: Sendable {
    let accounts: Accounts
    let sessions: SessionStore

    /// What a dialect asks for: who, with which password, from where, and the session to open (`scope`
    /// is the dialect, `app` the client app: one session per app, or per device where the scope keeps
    /// several, see `SessionStore.openReplacing`).
    struct Request: Sendable {
        let identity: AccountIdentity
        let password: String
        let clientAddress: String?
        let scope: String
        let app: String
    }

    /// The signed-in account with its new session, or why not.
    func signIn(_ request: Request) async throws -> Result<SignedIn, SignInRefusal> {
        guard let account = try await accounts.find(request.identity) else { return .failure(.unknownAccount) }
        switch try await accounts.checkPassword(
            account: account.id, password: request.password, clientAddress: request.clientAddress)
        {
        case .wrong: return .failure(.wrongPassword)
        case .locked(let seconds): return .failure(.locked(seconds: seconds))
        case .matches:
            let token = try await sessions.openReplacing(
                account: account.id, scope: request.scope, app: request.app, openID: account.openID)
            return .success(SignedIn(account: account, token: token))
        }
    }
}
