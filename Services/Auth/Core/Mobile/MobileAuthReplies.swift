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

    static func refusal(_ check: CaptchaCheck) -> CanonicalReply {
        switch check {
        case .matches: ok("")
        case .wrong: .failure(.codeWrong, "图形验证码不正确")
        case .expired: .failure(.codeExpired, "图形验证码已失效，请刷新")
        }
    }
}
