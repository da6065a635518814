/// Why a credential flow refused; each dialect words it in its own codes and messages.
enum CredentialRefusal: Error, Sendable, Equatable {
    case codeWrong
    case codeExpired
    case accountNotFound
    case accountExists
    case wrongPassword
    case accountLocked
}

/// An account that just signed in, with its new session token.
struct SignedIn: Sendable {
    let account: AccountRecord
    let token: String
}

/// The outcome of asking for a code to be sent.
enum CodeSending: Sendable {
    /// The provider took the message; `code` is what it carries.
    case sent(code: String)
    /// A sending limit refused it (never `.issued`).
    case refused(CodeIssue)
    /// The provider failed; the code was withdrawn. `reason` names the failure without the message.
    case providerFailed(reason: String)
}
