import Mesh
import ServiceKit

/// The words of a refused binding or scene sign-in: the O2O mini-program's own, and the train
/// appendix's (its table's messages for a wrong or expired code, 0022 for an operation that failed).
extension BindingRefusal: Refusal {
    var kind: ReplyKind {
        switch self {
        case .codeWrong: .codeWrong
        case .codeExpired: .codeExpired
        case .sessionGone: .tokenInvalid
        case .openIDMissing: .openIdMissing
        case .sceneInvalid: .invalidParams
        case .boundElsewhere: .forbidden
        }
    }

    var message: String {
        switch self {
        case .codeWrong: "验证码错误"
        case .codeExpired: "验证码已失效"
        case .sessionGone, .openIDMissing: ""
        case .sceneInvalid: "场景值无效或已过期"
        case .boundElsewhere: "该微信已绑定其他账号"
        }
    }

    func wording(in dialect: Dialect) -> DialectWording? {
        guard dialect == .train else { return nil }
        switch self {
        case .codeWrong, .codeExpired: return DialectWording(message: "")
        case .sessionGone, .openIDMissing: return nil
        case .sceneInvalid, .boundElsewhere: return DialectWording(code: "0022", message: "验证码操作失败，请重试")
        }
    }
}
