/// Why WeChat gave no identity for a login code.
struct WeChatLoginError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Reason: Sendable, Equatable {
        /// WeChat answered with an error code (`errcode`/`errmsg` of its reply).
        case rejected(code: Int, message: String)
        /// WeChat could not be reached or answered something that is not its reply.
        case unreachable(String)
    }

    let reason: Reason

    init(_ reason: Reason) { self.reason = reason }

    /// WeChat's documented error codes of `jscode2session`.
    static let busy = -1
    static let invalidCode = 40029
    static let codeUsed = 40163
    static let rateLimited = 45011
    static let riskyUser = 40226

    static func rejected(_ code: Int, _ message: String) -> WeChatLoginError {
        WeChatLoginError(.rejected(code: code, message: message))
    }

    /// True when the code itself is refused (invalid, expired or used): the client must get a new one.
    var isBadCode: Bool {
        if case .rejected(let code, _) = reason { return code == Self.invalidCode || code == Self.codeUsed }
        return false
    }

    /// True when WeChat was busy, unreachable or throttling: trying again later may work.
    var isTransient: Bool {
        switch reason {
        case .rejected(let code, _): code == Self.busy || code == Self.rateLimited
        case .unreachable: true
        }
    }

    var description: String {
        switch reason {
        case .rejected(let code, let message): "WeChat refused the login code: \(code) \(message)"
        case .unreachable(let detail): "WeChat could not be reached: \(detail)"
        }
    }
}
