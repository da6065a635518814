/// Why a flow on an identity (mobile or e-mail) or a linked account refused, beyond the refusals of
/// `CredentialRefusal`.
enum IdentityRefusal: Error, Sendable, Equatable {
    case credential(CredentialRefusal)
    /// Another account holds the mobile number or e-mail address.
    case identityTaken
    /// Changing a binding needs the login password, and none was given.
    case passwordRequired
    /// The identity given is not the caller's own mobile or e-mail.
    case notOwnIdentity
    case link(AccountLinkRefusal)
    /// No linked account to switch to.
    case noLinkedAccount
}
