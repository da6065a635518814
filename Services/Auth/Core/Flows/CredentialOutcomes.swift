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
