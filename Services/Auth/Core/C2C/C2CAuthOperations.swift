import JSON
import Mesh
import ServiceKit

/// `user.user.login` of the C2C exchange (document 002 has no login; this is the platform's): with
/// `mobile_phone` and `password`, or `mobile_phone` and an SMS login `code`, it answers `mtoken`
/// (32 hex characters, as the document describes the token). With `mobile_phone` alone it sends a
/// login code (in the reply's `code` in test mode only); 405 when the phone had its codes for the
/// day. A code signs up a mobile seen for the first time. A password goes through `PasswordSignIn`;
/// its lock answers 60000 with the time actually left.
struct C2CAuthOperations: Sendable {
    static let scope = Dialect.c2c.rawValue

    let credentials: CredentialFlows
    let revealsCodes: Bool

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(
            .c2c, "user.user.login", { call in try await operations.logIn(call.mesh, call.context) })
    }

    func logIn(_ call: MeshCall, _ context: RequestContext) async throws -> CanonicalReply {
        let input = Parameters(call.parameters)
        guard let mobile = try input.text("mobile_phone", maxLength: 64) else {
            throw InputProblem("mobile_phone", .missing)
        }
        guard MobileNumber.isValid(mobile) else { return .failure(.invalidParams, "手机号码不正确", code: "20006") }
        let app = call.appID ?? ""
        let outcome: Result<SignedIn, CredentialRefusal>
        if Self.isGiven("password", in: call.parameters) {
            guard let password = try input.secret("password", maxLength: 64), CredentialFormat.isPassword(password)
            else {
                throw SignInRefusal.wrongPassword
            }
            let signedIn = try await credentials.passwordSignIn.signIn(
                .init(
                    identity: .mobile(mobile), password: password, clientAddress: call.clientAddress,
                    scope: Self.scope, app: app)
            ).get()
            outcome = .success(signedIn)
        } else if Self.isGiven("code", in: call.parameters) {
            let code = try input.secret("code", maxLength: 64) ?? ""
            outcome = try await credentials.logInOrSignUp(mobile: mobile, code: code, scope: Self.scope, app: app)
        } else {
            return try await sendCode(to: mobile, call, context)
        }
        switch outcome {
        case .success(let signedIn):
            return .ok(
                .object([
                    "mtoken": .string(signedIn.token), "id": .string(String(signedIn.account.id)),
                    "mobile_phone": .string(mobile),
                ]))
        case .failure(let refusal):
            throw refusal
        }
    }

    /// Whether the client sent `key` at all (even empty or malformed): only a login without both
    /// `password` and `code` asks for a code.
    private static func isGiven(_ key: String, in parameters: JSONObject) -> Bool {
        guard let value = parameters[key] else { return false }
        return value != .null
    }

    private func sendCode(to mobile: String, _ call: MeshCall, _ context: RequestContext) async throws -> CanonicalReply
    {
        let code = try await credentials.sender.send(
            to: .mobile(mobile), purpose: .login, clientAddress: call.clientAddress, logger: context.logger)
        return CanonicalReply(kind: .ok, message: "验证码已发送", data: revealsCodes ? .object(["code": .string(code)]) : nil)
    }
}
