import Mesh
import ServiceKit

/// Why no code was sent: the interval, a daily limit, or the provider. The train document answers
/// the limits with 0019; the exchange's daily limit is its 405 "您今天手机获取的验证码已达到上限"; the
/// mobile mall calls its codes 校验码.
enum CodeSendingRefusal: Refusal, Equatable {
    case tooSoon(seconds: Int)
    case targetDailyLimit
    case addressDailyLimit
    /// The SMS or e-mail provider failed; the code was withdrawn.
    case providerFailed

    var kind: ReplyKind { self == .providerFailed ? .codeSendFailed : .rateLimited }

    var message: String {
        switch self {
        case .tooSoon(let seconds): "两次发送间隔小于\(seconds)秒"
        case .targetDailyLimit: "今日短信发送次数已达上限"
        case .addressDailyLimit: "今日短信请求次数已达上限"
        case .providerFailed: "短信发送失败"
        }
    }

    func wording(in dialect: Dialect) -> DialectWording? {
        switch (dialect, self) {
        case (.train, .tooSoon), (.train, .targetDailyLimit), (.train, .addressDailyLimit):
            DialectWording(code: "0019")
        case (.c2c, .targetDailyLimit), (.c2c, .addressDailyLimit):
            DialectWording(code: "405", message: "")
        case (.mobile, .targetDailyLimit): DialectWording(message: "今日校验码发送次数已达上限")
        case (.mobile, .addressDailyLimit): DialectWording(message: "今日校验码请求次数已达上限")
        case (.mobile, .providerFailed): DialectWording(message: "校验码发送失败，请稍后再试")
        default: nil
        }
    }
}
