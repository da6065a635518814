import Mesh
import ServiceKit

/// How a failed WeChat login is answered: a refused code asks for a new `wx.login`, a busy or unreachable
/// WeChat for a retry; the train appendix gives 1000 (openid not obtained) and 1001 (WeChat not reached).
extension WeChatLoginError: Refusal {
    var kind: ReplyKind { isBadCode ? .invalidParams : .providerFailed }

    var message: String {
        if isBadCode { return "code无效或已使用，请重新调用wx.login" }
        return isTransient ? "微信服务繁忙，请稍后再试" : "微信登录失败"
    }

    func wording(in dialect: Dialect) -> DialectWording? {
        guard dialect == .train else { return nil }
        return isTransient
            ? DialectWording(code: "1001", message: "微信调用通讯失败")
            : DialectWording(code: "1000", message: "调用微信获取openid失败")
    }
}
