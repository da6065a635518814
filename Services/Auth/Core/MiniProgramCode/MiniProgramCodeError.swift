/// Why no mini-program code was drawn: WeChat refused (its `errcode` and `errmsg`), or could not be
/// reached or answered something that is not its reply. Neither carries the app secret or an access token.
struct MiniProgramCodeError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Reason: Sendable, Equatable {
        case rejected(code: Int, message: String)
        case unreachable(String)
    }

    let reason: Reason

    init(_ reason: Reason) { self.reason = reason }

    static func rejected(_ code: Int, _ message: String) -> MiniProgramCodeError {
        MiniProgramCodeError(.rejected(code: code, message: message))
    }

    /// WeChat's documented error codes of `cgi-bin/token` and `wxa/getwxacodeunlimit` that this side acts on.
    static let busy = -1
    static let invalidAccessToken = 40001
    static let malformedAccessToken = 40014
    static let accessTokenExpired = 42001
    static let invalidPage = 41030
    static let rateLimited = 45009

    /// WeChat's error code, when it refused.
    var weChatCode: Int? {
        if case .rejected(let code, _) = reason { return code }
        return nil
    }

    /// True when the access token was refused: a new one may work.
    var isStaleToken: Bool {
        [Self.invalidAccessToken, Self.malformedAccessToken, Self.accessTokenExpired].contains(weChatCode)
    }

    /// True when trying again later may work (busy, throttled, unreachable).
    var isTransient: Bool {
        switch reason {
        case .rejected(let code, _): code == Self.busy || code == Self.rateLimited
        case .unreachable: true
        }
    }

    var description: String {
        switch reason {
        case .rejected(let code, let message): "WeChat refused the mini-program code: errcode \(code) \(message)"
        case .unreachable(let detail): "WeChat could not be reached: \(detail)"
        }
    }
}
