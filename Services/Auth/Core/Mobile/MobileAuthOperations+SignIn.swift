import JSON
import Mesh
import ServiceKit

extension MobileAuthOperations {
    /// `login`: `username` (mobile or e-mail) and `pwd` (6 to 32 characters), through `PasswordSignIn`.
    /// Each device keeps its own session; a sign-in beyond the per-account limit ends the oldest.
    func logIn(_ call: MeshCall) async throws -> CanonicalReply {
        let input = Parameters(call.parameters)
        let identity = try Self.identity(input)
        guard let password = try input.secret("pwd", maxLength: 64) else { throw InputProblem("pwd", .missing) }
        guard Self.isLoginPassword(password) else { throw SignInRefusal.wrongPassword }
        let signedIn = try await identities.credentials.passwordSignIn.signIn(
            .init(
                identity: identity, password: password, clientAddress: call.clientAddress, scope: Self.scope,
                app: Self.app(of: call))
        ).get()
        let face = await profiles.face(of: signedIn.account.id, requestID: call.requestID)
        return MobileAuthReplies.signedIn(signedIn, face: face, message: "登录成功")
    }

    /// `register`: `username` (mobile or e-mail), `pwd` and `phoneCode`, the code sent with `type` 1. The
    /// document's reply has no token: the new member signs in next.
    func registerAccount(_ call: MeshCall) async throws -> CanonicalReply {
        let input = Parameters(call.parameters)
        let identity = try Self.identity(input)
        let password = try Self.loginPassword(input, "pwd")
        let code = try input.code("phoneCode")
        switch try await identities.register(identity: identity, password: password, code: code) {
        case .success: return MobileAuthReplies.ok("注册成功")
        case .failure(let refusal): throw refusal
        }
    }

    /// `member/newpwd`: `username`, `newpwd` and `phonecode`, the code sent with `type` 2. Lifts a lock
    /// and ends every session of the account.
    func resetPassword(_ call: MeshCall) async throws -> CanonicalReply {
        let input = Parameters(call.parameters)
        let identity = try Self.identity(input)
        let password = try Self.loginPassword(input, "newpwd")
        let code = try input.code("phonecode")
        switch try await identities.resetPassword(identity: identity, code: code, new: password) {
        case .success: return MobileAuthReplies.ok("密码重置成功")
        case .failure(let refusal): throw refusal
        }
    }

    /// `checkusername`: whether a mobile number or e-mail address is taken (`true`) or free (`false`).
    func checkUsername(_ call: MeshCall) async throws -> CanonicalReply {
        let identity = try Self.identity(Parameters(call.parameters))
        let taken = try await identities.credentials.accounts.find(identity) != nil
        return .ok(.bool(taken))
    }

    /// `member/relatelogin`: the session moves to the linked account (a member to its primary, a primary
    /// to its latest member); the new token replaces the cookie and the old session ends.
    func switchLinkedAccount(_ call: MeshCall) async throws -> CanonicalReply {
        let account = try Self.account(of: call)
        switch try await identities.switchLinked(
            account: account, scope: Self.scope, app: Self.app(of: call), currentToken: call.token)
        {
        case .success(let signedIn):
            let face = await profiles.face(of: signedIn.account.id, requestID: call.requestID)
            return MobileAuthReplies.signedIn(signedIn, face: face, message: "切换成功")
        case .failure(let refusal): throw refusal
        }
    }
}
