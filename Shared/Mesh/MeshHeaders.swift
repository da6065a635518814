/// Header names that carry the gateway's resolved facts to the services. Services trust them
/// only on requests that carry the mesh's internal key; the gateway removes any a client sends.
public enum MeshHeaders {
    public static let requestID = "X-Request-Id"
    public static let internalKey = "X-Internal-Key"
    /// The resolved account id of the caller's session.
    public static let userID = "X-User-Id"
    /// The WeChat openId bound to the session, when there is one.
    public static let openID = "X-Open-Id"
    /// The caller's role (train `customer` / `business`; O2O `guest` while the WeChat user has no
    /// mobile bound, which services answer with "not logged in"; `admin` on the admin surface).
    public static let role = "X-User-Role"
    /// The caller's account facts (`AccountFacts`): bound mobile, e-mail, public open id, registration time.
    public static let accountMobile = "X-Account-Mobile"
    public static let accountEmail = "X-Account-Email"
    public static let accountPublicID = "X-Account-Public-Id"
    public static let accountRegisteredAt = "X-Account-Registered-At"
    /// The role the request itself asks for (train `userRole`), also on calls without a session,
    /// so a login can record it.
    public static let requestedRole = "X-Requested-Role"
    /// The client application (train `appCode`, yaf `appid`, o2o mini-program appid).
    public static let appID = "X-App-Id"
    /// The session token as the client sent it (for logout and token-status answers).
    public static let token = "X-Session-Token"
    /// `valid`, `invalid` or `none`: what the gateway found for the token it was given.
    public static let sessionState = "X-Session-State"
    /// The client's address as the gateway saw it.
    public static let clientAddress = "X-Client-Address"

    /// Every identity header, for stripping from client requests.
    public static let identity: [String] = [
        userID, openID, role, requestedRole, appID, token, sessionState, clientAddress, internalKey, accountMobile,
        accountEmail, accountPublicID, accountRegisteredAt,
    ]
}
