import JSON
import Mesh

/// The mobile mall's wording of the auth replies. The document gives only "登录成功", "校验码已发送",
/// "校验码正确" and "支付密码设置成功"; the other messages are the platform's own.
enum MobileAuthReplies {
    static func ok(_ message: String, data: JSONValue? = nil) -> CanonicalReply {
        CanonicalReply(kind: .ok, message: message, data: data)
    }

    /// The login reply's data: `memInfo` as the document's example shows it, and the session token
    /// (which the codec also sets as the `token` cookie). Name, sex and nickname come from the user
    /// service's profile (`face`); without one the nickname is the masked mobile or the e-mail.
    static func signedIn(_ signedIn: SignedIn, face: ProfileFace?, message: String) -> CanonicalReply {
        let account = signedIn.account
        let shown = face?.nickname ?? account.mobile.map(YafAuthReplies.maskedMobile) ?? account.email ?? ""
        return ok(
            message,
            data: .object([
                "memInfo": .object([
                    "phone": account.mobile.map(JSONValue.string) ?? .null,
                    "realName": face?.realName.map(JSONValue.string) ?? .null,
                    "sex": face?.sex.map { .number(JSONNumber($0)) } ?? .null,
                    "nickName": .string(shown),
                ]),
                "token": .string(signedIn.token),
            ]))
    }

    static func refusal(_ refusal: CredentialRefusal) -> CanonicalReply {
        switch refusal {
        case .codeWrong: .failure(.codeWrong, "校验码不正确")
        case .codeExpired: .failure(.codeExpired, "校验码已失效，请重新获取")
        case .accountNotFound: .failure(.accountNotFound, "账号不存在")
        case .accountExists: .failure(.accountExists, "该账号已注册")
        case .wrongPassword: .failure(.wrongPassword, "用户名或密码错误")
        case .accountLocked: .failure(.accountLocked, "密码错误次数过多，请稍后再试")
        }
    }

    static func refusal(_ refusal: IdentityRefusal) -> CanonicalReply {
        switch refusal {
        case .credential(let credential): self.refusal(credential)
        case .identityTaken: .failure(.alreadyExists, "该手机号或邮箱已绑定其他账户")
        case .passwordRequired: .failure(.missingParameter, "更换绑定需要输入登录密码")
        case .notOwnIdentity: .failure(.forbidden, "请输入本账户绑定的手机号或邮箱")
        case .link(.sameAccount): .failure(.invalidParams, "不能关联自己")
        case .link(.primaryIsMember): .failure(.invalidState, "该账户已关联到其他主账户")
        case .link(.memberHasMembers): .failure(.invalidState, "当前账户已是其他账户的主账户")
        case .link(.alreadyLinked): .failure(.alreadyExists, "当前账户已关联主账户")
        case .noLinkedAccount: .failure(.notFound, "没有可切换的关联账户")
        }
    }

    static func refusal(_ check: CaptchaCheck) -> CanonicalReply {
        switch check {
        case .matches: ok("")
        case .wrong: .failure(.codeWrong, "图形验证码不正确")
        case .expired: .failure(.codeExpired, "图形验证码已失效，请刷新")
        }
    }
}
