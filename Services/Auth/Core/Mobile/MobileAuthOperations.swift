import Mesh
import ServiceKit

/// The auth operations of the mobile mall user module (document 004): sign-up, sign-in and reset by
/// mobile number or e-mail, phone and e-mail codes behind the captcha, the captcha image, binding a
/// new mobile or e-mail, the pay password and account linking.
struct MobileAuthOperations: Sendable {
    let identities: IdentityFlows
    let captchas: CaptchaStore
    let captchaImages: CaptchaImages
    let profiles: ProfileLookup

    static let scope = Dialect.mobile.rawValue

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        let table: [(String, @Sendable (MeshCall) async throws -> CanonicalReply)] = [
            ("login", operations.logIn),
            ("register", operations.registerAccount),
            ("member/newpwd", operations.resetPassword),
            ("checkusername", operations.checkUsername),
            ("phonecode", operations.sendPhoneCode),
            ("emailcode", operations.sendEmailCode),
            ("checkcode", operations.checkCode),
            ("code/validcode", operations.captchaImage),
            ("member/modifypwd", operations.changePassword),
            ("member/changebind", operations.changeBinding),
            ("member/checkchange", operations.checkBinding),
            ("member/paypwd", operations.setPayPassword),
            ("member/checkpaypwd", operations.hasPayPassword),
            ("web/member/checkpaypwd", operations.hasPayPassword),
            ("member/merge", operations.merge),
            ("member/relatelogin", operations.switchLinkedAccount),
        ]
        for (name, body) in table {
            handlers.on(.mobile, name) { call in try await body(call.mesh) }
        }
    }

    /// The account of the caller's session; the gateway lets only signed-in calls through to member routes.
    static func account(of call: MeshCall) throws -> Int64 {
        guard let caller = call.caller, let account = Int64(caller.userID) else {
            throw CallRefusal(.notLoggedIn, "请先登录")
        }
        return account
    }

    /// The app of a mobile session: an account keeps a session per device, up to the configured number
    /// (`MOBILE_SESSIONS_PER_ACCOUNT`); beyond it a new sign-in ends the oldest.
    static func app(of call: MeshCall) -> String { call.appID ?? "" }

    /// The `username` parameter (or another) as a mobile number or e-mail address.
    static func identity(_ input: Parameters, _ key: String = "username") throws -> AccountIdentity {
        guard let text = try input.secret(key, maxLength: 254) else { throw InputProblem(key, .missing) }
        guard let identity = AccountIdentity(text) else { throw CallRefusal(.invalidParams, "请输入正确的手机号或邮箱") }
        return identity
    }

    /// A pay password under the platform's rule (6 to 20 characters, as every dialect checks it).
    static func password(_ input: Parameters, _ key: String) throws -> String {
        guard let password = try input.secret(key, maxLength: 64) else { throw InputProblem(key, .missing) }
        guard CredentialFormat.isPassword(password) else {
            throw CallRefusal(.invalidParams, "密码须为 6-20 位字母、数字、下划线或破折号")
        }
        return password
    }

    /// A new login password under the mobile mall document's rule: 6 to 32 characters.
    static func loginPassword(_ input: Parameters, _ key: String) throws -> String {
        guard let password = try input.secret(key, maxLength: 64) else { throw InputProblem(key, .missing) }
        guard isLoginPassword(password) else {
            throw CallRefusal(.invalidParams, "密码须为 6-32 位字母、数字、下划线或破折号")
        }
        return password
    }

    /// Whether `text` can be a mobile mall login password (a longer one is never stored, so it is wrong).
    static func isLoginPassword(_ text: String) -> Bool {
        CredentialFormat.isPassword(text, lengths: CredentialFormat.mobilePasswordLengths)
    }
}
