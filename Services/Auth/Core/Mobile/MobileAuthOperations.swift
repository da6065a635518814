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
        let table: [(String, Access, @Sendable (OperationCall) async throws -> CanonicalReply)] = [
            ("login", .anyone, { try await operations.logIn($0.mesh) }),
            ("register", .anyone, { try await operations.registerAccount($0.mesh) }),
            ("member/newpwd", .anyone, { try await operations.resetPassword($0.mesh) }),
            ("checkusername", .anyone, { try await operations.checkUsername($0.mesh) }),
            ("phonecode", .anyone, { try await operations.sendPhoneCode($0.mesh, logger: $0.logger) }),
            ("emailcode", .anyone, { try await operations.sendEmailCode($0.mesh, logger: $0.logger) }),
            ("checkcode", .anyone, { try await operations.checkCode($0.mesh) }),
            ("code/validcode", .anyone, { try await operations.captchaImage($0.mesh) }),
            ("member/modifypwd", .account, { try await operations.changePassword($0.mesh) }),
            ("member/changebind", .account, { try await operations.changeBinding($0.mesh) }),
            ("member/checkchange", .account, { try await operations.checkBinding($0.mesh) }),
            ("member/paypwd", .account, { try await operations.setPayPassword($0.mesh) }),
            ("member/checkpaypwd", .account, { try await operations.hasPayPassword($0.mesh) }),
            ("web/member/checkpaypwd", .account, { try await operations.hasPayPassword($0.mesh) }),
            ("member/merge", .account, { try await operations.merge($0.mesh) }),
            ("member/relatelogin", .account, { try await operations.switchLinkedAccount($0.mesh) }),
        ]
        for (name, access, body) in table {
            handlers.on(.mobile, name, access: access) { call in try await body(call) }
        }
    }

    /// The account of the caller's session; the gateway lets only signed-in calls through to member routes.
    static func account(of call: MeshCall) throws -> Int64 {
        guard let account = call.accountID else {
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
