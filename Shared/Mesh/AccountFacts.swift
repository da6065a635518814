/// What auth knows of a caller's account, resolved with the session and carried with every call, so a
/// service answers "who is calling" without asking auth again. Auth tells every gateway to forget its
/// cached sessions of an account whose facts change.
public struct AccountFacts: Sendable, Equatable {
    public let mobile: String?
    public let email: String?
    /// The account's public open id (the app base API's `open_id`), not a WeChat one.
    public let publicID: String
    /// When the account was made, `yyyy-MM-dd HH:mm:ss` in auth's display zone.
    public let registeredAt: String

    public init(mobile: String?, email: String?, publicID: String, registeredAt: String) {
        self.mobile = mobile
        self.email = email
        self.publicID = publicID
        self.registeredAt = registeredAt
    }
}
