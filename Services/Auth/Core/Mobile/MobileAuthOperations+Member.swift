import JSON
import Mesh
import ServiceKit

extension MobileAuthOperations {
    /// `member/modifypwd`: the old `pwd` and the `newpwd`; the caller stays signed in, every other
    /// session of the account ends.
    func changePassword(_ call: MeshCall) async throws -> CanonicalReply {
        let account = try Self.account(of: call)
        let input = Parameters(call.parameters)
        guard let old = try input.secret("pwd", maxLength: 64) else { throw InputProblem("pwd", .missing) }
        let new = try Self.loginPassword(input, "newpwd")
        guard Self.isLoginPassword(old) else { return .failure(.wrongPassword, "原密码不正确") }
        switch try await identities.credentials.changePassword(
            account: account, old: old, new: new, keepingToken: call.token, clientAddress: call.clientAddress)
        {
        case .success: return MobileAuthReplies.ok("密码修改成功")
        case .failure(.wrongPassword): return .failure(.wrongPassword, "原密码不正确")
        case .failure(let refusal): throw refusal
        }
    }

    /// The new mobile or e-mail of `member/changebind` and `member/checkchange`: `username` of the kind
    /// `type` names (`phone` or `email`), and `pwd`, empty at the first binding.
    private func binding(_ input: Parameters) throws -> (AccountIdentity, password: String?) {
        let identity = try Self.identity(input)
        switch (try input.code("type"), identity) {
        case ("phone", .mobile), ("email", .email): break
        case ("phone", _): throw CallRefusal(.invalidParams, "请输入正确的手机号")
        case ("email", _): throw CallRefusal(.invalidParams, "请输入正确的邮箱")
        default: throw CallRefusal(.invalidParams, "type 只能为 phone 或 email")
        }
        return (identity, try input.secret("pwd", maxLength: 64))
    }

    /// `member/changebind`: binds a first or a new mobile or e-mail with the code sent to it (`type` 1).
    func changeBinding(_ call: MeshCall) async throws -> CanonicalReply {
        let account = try Self.account(of: call)
        let input = Parameters(call.parameters)
        let (identity, password) = try binding(input)
        let code = try input.code("phonecode")
        if let refusal = try await identities.bind(
            account: account, identity: identity, code: code, password: password, clientAddress: call.clientAddress)
        {
            throw refusal
        }
        return MobileAuthReplies.ok("绑定成功")
    }

    /// `member/checkchange`: whether the new mobile or e-mail is free and, for a change, the password right.
    func checkBinding(_ call: MeshCall) async throws -> CanonicalReply {
        let account = try Self.account(of: call)
        let (identity, password) = try binding(Parameters(call.parameters))
        if let refusal = try await identities.checkBinding(
            account: account, identity: identity, password: password, clientAddress: call.clientAddress)
        {
            throw refusal
        }
        return MobileAuthReplies.ok("可以绑定")
    }

    /// `member/paypwd`: sets or changes the pay password with `username` (the member's own mobile or
    /// e-mail), the code sent to it with `type` 2, and `paypwd`.
    func setPayPassword(_ call: MeshCall) async throws -> CanonicalReply {
        let account = try Self.account(of: call)
        let input = Parameters(call.parameters)
        let identity = try Self.identity(input)
        let payPassword = try Self.password(input, "paypwd")
        let code = try input.code("code")
        if let refusal = try await identities.setPayPassword(
            account: account, identity: identity, code: code, payPassword: payPassword)
        {
            throw refusal
        }
        return MobileAuthReplies.ok("支付密码设置成功")
    }

    /// `member/checkpaypwd` and `web/member/checkpaypwd`: whether the member has a pay password.
    func hasPayPassword(_ call: MeshCall) async throws -> CanonicalReply {
        let account = try Self.account(of: call)
        return .ok(.bool(try await identities.payPasswords.isSet(account: account)))
    }

    /// `member/merge`: links the caller's account to the primary account `username` after checking
    /// the primary's password `pwd`.
    func merge(_ call: MeshCall) async throws -> CanonicalReply {
        let account = try Self.account(of: call)
        let input = Parameters(call.parameters)
        let primary = try Self.identity(input)
        guard let password = try input.secret("pwd", maxLength: 64) else { throw InputProblem("pwd", .missing) }
        guard Self.isLoginPassword(password) else { throw CredentialRefusal.wrongPassword }
        if let refusal = try await identities.merge(
            member: account, primaryIdentity: primary, password: password, clientAddress: call.clientAddress)
        {
            throw refusal
        }
        return MobileAuthReplies.ok("账户关联成功")
    }
}
