/// Why a WeChat Pay API call did not give an answer to act on.
enum WeChatPayError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No answer (connection, timeout, HTTP status): whether the call took effect is unknown.
    case unreachable(String)
    /// WeChat Pay answered with something that is not its signed XML, or a signature that does not match.
    case malformedAnswer(String)
    /// The call was refused: `return_code` FAIL (`code` empty) or `result_code` FAIL with `err_code`.
    case refused(code: String, message: String)

    var description: String {
        switch self {
        case .unreachable(let detail): "WeChat Pay did not answer: \(detail)"
        case .malformedAnswer(let detail): "WeChat Pay's answer cannot be trusted: \(detail)"
        case .refused(let code, let message): "WeChat Pay refused (\(code.isEmpty ? "FAIL" : code)): \(message)"
        }
    }
}
