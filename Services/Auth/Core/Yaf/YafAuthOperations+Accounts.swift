import Mesh
import ServiceKit

extension YafAuthOperations {
    /// `user.register`: mobile, password and a registration code → the new account, signed in.
    func registerAccount(_ call: MeshCall) async throws -> CanonicalReply {
        let input = Parameters(call.parameters)
        let mobile = try input.requiredMobile("mobile")
        let password = try input.password("password")
        let code = try input.code("code")
        switch try await flows.register(
            mobile: mobile, password: password, code: code, scope: Self.scope, app: Self.app(of: call))
        {
        case .success(let signedIn):
            let face = await profiles.face(of: signedIn.account.id, requestID: call.requestID)
            return YafAuthReplies.signedIn(signedIn, face: face, message: "注册成功", displayTime: settings.displayTime)
        case .failure(let refusal):
            throw refusal
        }
    }

    /// `user.login`: `login_type` 1 signs in with the login code in `code`; 2 with the password, which
    /// the document's clients send in `code` (its parameter table) or `password` (its signing example).
    /// A new sign-in on the same app ends the app's earlier session.
    func logIn(_ call: MeshCall) async throws -> CanonicalReply {
        let input = Parameters(call.parameters)
        let mobile = try input.requiredMobile("mobile")
        let signedIn: SignedIn
        switch try input.code("login_type") {
        case "1":
            let code = try input.code("code")
            switch try await flows.logIn(mobile: mobile, code: code, scope: Self.scope, app: Self.app(of: call)) {
            case .success(let done): signedIn = done
            case .failure(let refusal): throw refusal
            }
        case "2":
            guard let password = try input.secret("password", maxLength: 64) ?? input.secret("code", maxLength: 64)
            else {
                throw InputProblem("password", .missing)
            }
            guard CredentialFormat.isPassword(password) else { throw SignInRefusal.wrongPassword }
            signedIn = try await flows.passwordSignIn.signIn(
                .init(
                    identity: .mobile(mobile), password: password, clientAddress: call.clientAddress,
                    scope: Self.scope, app: Self.app(of: call))
            ).get()
        default:
            throw CallRefusal(.invalidParams, "登录类型不正确")
        }
        let face = await profiles.face(of: signedIn.account.id, requestID: call.requestID)
        return YafAuthReplies.signedIn(signedIn, face: face, message: "登录成功", displayTime: settings.displayTime)
    }

    /// `user.logout`: ends the caller's session. A token that ended meanwhile (the gateway may have
    /// cached it for a moment) gets its own answer: replaced, password changed, or invalid.
    func logOut(_ call: MeshCall) async throws -> CanonicalReply {
        guard let token = call.token else { return .failure(.notLoggedIn) }
        if case .refused(let kind, _) = try await sessions.resolve(scope: Self.scope, token: token) {
            return .failure(kind)
        }
        try await sessions.revoke(scope: Self.scope, token: token)
        return YafAuthReplies.ok("退出成功")
    }

    /// `user.pwd.edit`: the old and the new password; the caller stays signed in, every other
    /// session of the account is told the password changed.
    func changePassword(_ call: MeshCall) async throws -> CanonicalReply {
        guard let account = call.accountID else { return .failure(.notLoggedIn) }
        let input = Parameters(call.parameters)
        let old = try input.code("old_pwd")
        let new = try input.password("new_pwd")
        guard CredentialFormat.isPassword(old) else { return .failure(.wrongPassword, "旧密码不正确") }
        switch try await flows.changePassword(
            account: account, old: old, new: new, keepingToken: call.token, clientAddress: call.clientAddress)
        {
        case .success: return YafAuthReplies.ok("密码修改成功")
        case .failure(.wrongPassword): return .failure(.wrongPassword, "旧密码不正确")
        case .failure(let refusal): throw refusal
        }
    }

    /// `user.pwd.find`: mobile, a reset code (`sms.send` key `USER_FIND_PWD_CODE`) and the new
    /// password; lifts a password lock and ends every session of the account.
    func resetPassword(_ call: MeshCall) async throws -> CanonicalReply {
        let input = Parameters(call.parameters)
        let mobile = try input.requiredMobile("mobile")
        let code = try input.code("code")
        let password = try input.password("password")
        switch try await flows.resetPassword(mobile: mobile, code: code, new: password) {
        case .success: return YafAuthReplies.ok("密码找回成功")
        case .failure(let refusal): throw refusal
        }
    }
}
