/// What an operation's document says beyond its parameters: how its reply is written and what a success
/// does to the caller's session. The codecs and the gateway read these from the catalog entry; nothing
/// keeps a table of operation names beside it.
public struct OperationTraits: Sendable, Hashable {
    /// Mobile mall: how the endpoint writes its reply.
    public var mobileShape: MobileReplyShape = .status
    /// The documented code of a success that names none (the mall's 308 交易创建成功, 1000 允许充值, …).
    public var successCode: String?
    /// The reply's `code` is a number, where the dialect otherwise writes a string (the mall's examples for
    /// the member centre, the avatar, the pay password's section 10.4, recharge and the points exchange).
    public var numericCode = false
    /// A success signs the client in: the codec also sets the reply's `token` as the session cookie.
    public var opensSession = false
    /// After a success the caller's token is gone or names another account (logout, binding a mobile that
    /// moves the session, switching accounts): the gateway drops what it cached for the token.
    public var changesSession = false
    /// The reply carries a `sign` made like a request's (the train sections whose reply table lists it).
    public var signedReply = false
    /// Requests carry a base64 image, so they may be as large as an image allows (`ImageLimit`).
    public var carriesImage = false
    /// An O2O session whose WeChat user has no bound mobile yet (`CallerRole.guest`) may call it: binding
    /// the mobile and sending its code. Other operations that need a session answer such a guest "not logged
    /// in" (10003), which sends the client to bind its mobile.
    public var allowsGuest = false
    /// Not in the dialect's document: an operation the platform adds in the document's envelope (the train
    /// merchant's side, which the document implies but does not list). The API reference marks it.
    public var platformAddition = false

    public init() {}
}

extension Operation {
    /// This operation with `change` applied to its traits (the catalog files' modifiers).
    func with(_ change: (inout OperationTraits) -> Void) -> Operation {
        var copy = self
        change(&copy.traits)
        return copy
    }

    func shaped(_ shape: MobileReplyShape) -> Operation { with { $0.mobileShape = shape } }

    func succeeding(with code: String) -> Operation { with { $0.successCode = code } }

    func numericCode() -> Operation { with { $0.numericCode = true } }

    func opensSession() -> Operation { with { $0.opensSession = true } }

    func changesSession() -> Operation { with { $0.changesSession = true } }

    func signedReply() -> Operation { with { $0.signedReply = true } }

    func carriesImage() -> Operation { with { $0.carriesImage = true } }

    func allowsGuest() -> Operation { with { $0.allowsGuest = true } }

    func platformAddition() -> Operation { with { $0.platformAddition = true } }
}
