import JSON
import Mesh

/// The O2O wording of auth answers: the document's `userInfo` and the refusals, which the O2O code
/// table turns into 10001 (a parameter to change), 10007 / 70010 (get a new token through
/// `wxLogin`) or 500.
enum O2OAuthReplies {
    /// `{name, mobile}`: the name is the person's, from the profile the user service keeps (the real
    /// name, else the nickname); only without either (or without an answer) is it the masked mobile.
    static func userInfo(_ account: AccountRecord, face: ProfileFace?) -> JSONValue {
        let mobile = account.mobile ?? ""
        let name = [face?.realName, face?.nickname].lazy.compactMap { $0 }.first { !$0.isEmpty }
        return .object(["name": .string(name ?? YafAuthReplies.maskedMobile(mobile)), "mobile": .string(mobile)])
    }

    static func weChatFailure(_ error: WeChatLoginError) -> CanonicalReply {
        if error.isBadCode { return .failure(.invalidParams, "code无效或已使用，请重新调用wx.login") }
        if error.isTransient { return .failure(.providerFailed, "微信服务繁忙，请稍后再试") }
        return .failure(.providerFailed, "微信登录失败")
    }

    static func bindingRefused(_ refusal: BindingRefusal) -> CanonicalReply {
        switch refusal {
        case .codeWrong: .failure(.codeWrong, "验证码错误")
        case .codeExpired: .failure(.codeExpired, "验证码已失效")
        case .sessionGone: .failure(.tokenInvalid)
        case .openIDMissing: .failure(.openIdMissing)
        case .sceneInvalid: .failure(.invalidParams, "场景值无效或已过期")
        case .boundElsewhere: .failure(.forbidden, "该微信已绑定其他账号")
        }
    }
}
