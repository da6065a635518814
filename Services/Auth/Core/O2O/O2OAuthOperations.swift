import JSON
import Mesh
import ServiceKit

/// The auth operations of the O2O mini-program (document 001): `wxLogin` (a `wx.login` code → a
/// token), `login` (bind the user's mobile with an SMS code), `loginWithSceneId` (sign in with the
/// scene of a mini-program code) and `sms/verify_code`. The mini-program's appid comes from the
/// gateway (WeChat's `Referer`, or the `appid` parameter); one that is not configured answers 70011.
struct O2OAuthOperations: Sendable {
    static let scope = Dialect.o2o.rawValue
    /// The document's test code: outside production it signs in the test user, bound to a mobile.
    static let testCode = "user"

    let wechat: WeChatFlows
    let settings: WeChatSettings
    let revealsCodes: Bool
    let profiles: ProfileLookup

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(
            .o2o, "wxLogin", { call in try await operations.wxLogin(call.mesh, call.context) })
        handlers.on(.o2o, "login", access: .session, { call in try await operations.bindMobile(call.mesh) })
        handlers.on(.o2o, "loginWithSceneId", access: .session, { call in try await operations.sceneLogin(call.mesh) })
        handlers.on(
            .o2o, "sms/verify_code", access: .session,
            { call in try await operations.sendCode(call.mesh, call.context) })
    }

    /// `wxLogin`: `code` → `token`, with `userInfo` once the WeChat user's account has a mobile. A
    /// token of an account without one is a session that other operations answer with 10003 until
    /// `login` binds the mobile.
    func wxLogin(_ call: MeshCall, _ context: RequestContext) async throws -> CanonicalReply {
        let code = try Parameters(call.parameters).loginCode("code")
        guard let appID = call.appID, let app = settings.apps[appID] else { return .failure(.unknownApp) }
        let signedIn: WeChatSignedIn
        if code == Self.testCode, let mobile = settings.o2oTestUserMobile {
            signedIn = try await wechat.signInTestUser(
                person: Self.testCode, mobile: mobile, app: appID, scope: Self.scope)
        } else {
            let unbound = WeChatFlows.unboundO2ORole
            switch try await wechat.signIn(
                code: code, app: app, scope: Self.scope, sessionApp: appID, role: { $0.mobile == nil ? unbound : nil })
            {
            case .success(let result): signedIn = result
            case .failure(let error):
                context.logger.warning("WeChat login failed", [("error", .string(error.description))])
                throw error
            }
        }
        var data: JSONObject = ["token": .string(signedIn.token)]
        if signedIn.account.mobile != nil {
            data["userInfo"] = await userInfo(signedIn.account, requestID: call.requestID)
        }
        return .ok(.object(data))
    }

    /// `login`: `mobile` and `verify_code` bind the mobile to the caller's WeChat user. When the
    /// mobile already has an account, the WeChat user and the token move to it.
    func bindMobile(_ call: MeshCall) async throws -> CanonicalReply {
        let input = Parameters(call.parameters)
        let mobile = try input.requiredMobile("mobile")
        let code = try input.code("verify_code")
        guard let token = call.token else { return .failure(.notLoggedIn) }
        switch try await wechat.bindMobile(
            token: token, scope: Self.scope, identityApp: { $0 }, mobile: mobile, code: code)
        {
        case .success(let account):
            return .ok(.object(["userInfo": await userInfo(account, requestID: call.requestID)]))
        case .failure(let refusal): throw refusal
        }
    }

    /// `loginWithSceneId`: `sceneId` (from a mini-program code made for an order) signs the caller's
    /// WeChat user into the scene's account; answers `userInfo` and the scene's `payload`.
    func sceneLogin(_ call: MeshCall) async throws -> CanonicalReply {
        let sceneID = try Parameters(call.parameters).required("sceneId", maxLength: 128)
        guard SceneStore.isSceneID(sceneID) else { throw BindingRefusal.sceneInvalid }
        guard let token = call.token else { return .failure(.notLoggedIn) }
        switch try await wechat.claimScene(token: token, scope: Self.scope, identityApp: { $0 }, sceneID: sceneID) {
        case .success(let scene):
            let payload = (try? JSONValue.parse(scene.payload)) ?? .object(JSONObject())
            let info = await userInfo(scene.account, requestID: call.requestID)
            return .ok(.object(["userInfo": info, "payload": payload]))
        case .failure(let refusal):
            throw refusal
        }
    }

    /// The document's `userInfo` of `account`, named from its profile in the user service.
    private func userInfo(_ account: AccountRecord, requestID: String?) async -> JSONValue {
        O2OAuthReplies.userInfo(account, face: await profiles.face(of: account.id, requestID: requestID))
    }

    /// `sms/verify_code`: `mobile` → a code to bind it, for a session that is still live (checked here,
    /// not only in the gateway's short cache); `verify_code` is in the reply in test mode only.
    func sendCode(_ call: MeshCall, _ context: RequestContext) async throws -> CanonicalReply {
        let mobile = try Parameters(call.parameters).requiredMobile("mobile")
        guard let token = call.token else { return .failure(.notLoggedIn) }
        if case .refused(let kind, _) = try await wechat.sessions.resolve(scope: Self.scope, token: token) {
            return .failure(kind)
        }
        let code = try await wechat.credentials.sender.send(
            to: .mobile(mobile), purpose: .bind, clientAddress: call.clientAddress, logger: context.logger)
        return .ok(revealsCodes ? .object(["verify_code": .string(code)]) : nil)
    }
}
