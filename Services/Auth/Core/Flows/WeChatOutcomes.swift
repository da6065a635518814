/// A WeChat user just signed in: the account the identity is bound to and the new session token.
struct WeChatSignedIn: Sendable {
    let account: AccountRecord
    let token: String
    let openID: String
}

/// Why binding a mobile or claiming a scene refused; each dialect words it in its own codes.
enum BindingRefusal: Error, Sendable, Equatable {
    case codeWrong
    case codeExpired
    /// The caller's session ended meanwhile (logout, replaced, expired).
    case sessionGone
    /// The session carries no WeChat open id: the client must log in through WeChat first.
    case openIDMissing
    /// The scene is unknown, expired, or already used by another WeChat user.
    case sceneInvalid
    /// The caller's WeChat identity belongs to another account that has its own mobile.
    case boundElsewhere
}

/// A scene claimed by a WeChat user: the account it signed the user into and the scene's payload.
struct ClaimedScene: Sendable {
    let account: AccountRecord
    /// The payload's JSON text, as the creating service wrote it.
    let payload: String
}
