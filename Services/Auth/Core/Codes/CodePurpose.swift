/// What a one-time code may be used for; a code works only for the purpose it was sent for.
enum CodePurpose: String, Sendable, CaseIterable {
    case register
    case login
    case reset
    case bind
    case change
    case payPassword = "pay_password"

    /// The word the message text uses for the purpose.
    var label: String {
        switch self {
        case .register: "注册"
        case .login: "登录"
        case .reset: "找回密码"
        case .bind: "绑定"
        case .change: "更换手机号"
        case .payPassword: "支付密码"
        }
    }
}
