import Mesh
import ServiceKit

/// How each dialect words a refused code, sign-up or password: the app base API's words are the
/// platform's; the mobile mall says 校验码 and has its own sentences; the exchange answers its code
/// table's messages (20005, 20004, 2002, …).
extension CredentialRefusal: Refusal {
    var kind: ReplyKind {
        switch self {
        case .codeWrong: .codeWrong
        case .codeExpired: .codeExpired
        case .accountNotFound: .accountNotFound
        case .accountExists: .accountExists
        case .wrongPassword: .wrongPassword
        case .accountLocked: .accountLocked
        }
    }

    var message: String {
        switch self {
        case .codeWrong: "短信验证码不正确"
        case .codeExpired: "验证码已失效"
        case .accountNotFound: "账号未注册"
        case .accountExists: "账号已注册"
        case .wrongPassword: "账号或密码不正确"
        case .accountLocked: ""
        }
    }

    func wording(in dialect: Dialect) -> DialectWording? {
        switch dialect {
        case .c2c: return DialectWording(message: "")
        case .mobile:
            return switch self {
            case .codeWrong: DialectWording(message: "校验码不正确")
            case .codeExpired: DialectWording(message: "校验码已失效，请重新获取")
            case .accountNotFound: DialectWording(message: "账号不存在")
            case .accountExists: DialectWording(message: "该账号已注册")
            case .wrongPassword: DialectWording(message: "用户名或密码错误")
            case .accountLocked: DialectWording(message: "密码错误次数过多，请稍后再试")
            }
        case .train, .o2o, .yaf: return nil
        }
    }
}

/// The mobile mall's words for a refused binding, link or account switch.
extension IdentityRefusal: Refusal {
    var kind: ReplyKind {
        switch self {
        case .credential(let credential): credential.kind
        case .identityTaken, .link(.alreadyLinked): .alreadyExists
        case .passwordRequired: .missingParameter
        case .notOwnIdentity: .forbidden
        case .link(.sameAccount): .invalidParams
        case .link(.primaryIsMember), .link(.memberHasMembers): .invalidState
        case .noLinkedAccount: .notFound
        }
    }

    var message: String {
        switch self {
        case .credential(let credential): credential.message
        case .identityTaken: "该手机号或邮箱已绑定其他账户"
        case .passwordRequired: "更换绑定需要输入登录密码"
        case .notOwnIdentity: "请输入本账户绑定的手机号或邮箱"
        case .link(.sameAccount): "不能关联自己"
        case .link(.primaryIsMember): "该账户已关联到其他主账户"
        case .link(.memberHasMembers): "当前账户已是其他账户的主账户"
        case .link(.alreadyLinked): "当前账户已关联主账户"
        case .noLinkedAccount: "没有可切换的关联账户"
        }
    }

    func wording(in dialect: Dialect) -> DialectWording? {
        guard case .credential(let credential) = self else { return nil }
        return credential.wording(in: dialect)
    }
}
