import JSON
import Mesh
import ServiceKit

/// The auth operations of the train-ticket mini-program (document 000): `login` by a `wx.login`
/// code, and `sendPhoneCode` / `checkPhoneCode`, which bind the user's mobile. The gateway checks
/// the request `sign` and the `nonceStr`, and signs the replies whose section lists a `sign`.
struct TrainAuthOperations: Sendable {
    static let scope = Dialect.train.rawValue
    /// The role a login records when the request names none.
    static let defaultRole = CallerRole.customer

    let wechat: WeChatFlows
    let settings: WeChatSettings
    let revealsCodes: Bool
    let profiles: ProfileLookup

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(.train, "login", { call in try await operations.logIn(call.mesh, call.context) })
        handlers.on(
            .train, "sendPhoneCode", access: .session,
            { call in try await operations.sendCode(call.mesh, call.context) })
        handlers.on(.train, "checkPhoneCode", access: .session, { call in try await operations.checkCode(call.mesh) })
    }

    /// `login`: `code` from `wx.login` → `userId` and `loginKey`. The session keeps the request's
    /// `userRole`; a new login on the same appCode ends the account's earlier session there. A `business`
    /// login is only for an account with the merchant flag (the user service's): anyone else gets 1002 and
    /// no session.
    func logIn(_ call: MeshCall, _ context: RequestContext) async throws -> CanonicalReply {
        let code = try Parameters(call.parameters).loginCode("code")
        guard let appCode = call.appID, let app = settings.trainApp(appCode: appCode) else {
            return .failure(.unknownApp, "请检查APPID是否正确", code: "1006")
        }
        let role = (call.requestedRole ?? Self.defaultRole).rawValue
        switch try await wechat.signIn(
            code: code, app: app, scope: Self.scope, sessionApp: appCode, role: { _ in role })
        {
        case .success(let signedIn):
            if role == CallerRole.business.rawValue {
                let merchant = await profiles.isMerchant(signedIn.account.id, requestID: call.requestID)
                guard merchant == true else {
                    try await wechat.sessions.revoke(scope: Self.scope, token: signedIn.token)
                    guard merchant != nil else { return .failure(.upstreamFailed, "服务暂时不可用，请稍后再试") }
                    return .failure(.forbidden, "商户未开通此接口权限", code: "1002")
                }
            }
            return .ok(.object(["userId": .string(String(signedIn.account.id)), "loginKey": .string(signedIn.token)]))
        case .failure(let error):
            context.logger.warning("WeChat login failed", [("error", .string(error.description))])
            throw error
        }
    }

    /// `sendPhoneCode`: `phoneNo` → a code to bind it, within the sending limits, for a session that
    /// is still live (checked here, not only in the gateway's short cache). The reply's `smsCode`
    /// carries the code in test mode only; elsewhere it is empty.
    func sendCode(_ call: MeshCall, _ context: RequestContext) async throws -> CanonicalReply {
        let mobile = try Parameters(call.parameters).requiredMobile("phoneNo")
        guard let token = call.token else { return .failure(.notLoggedIn) }
        if case .refused(let kind, _) = try await wechat.sessions.resolve(scope: Self.scope, token: token) {
            return .failure(kind)
        }
        let code = try await wechat.credentials.sender.send(
            to: .mobile(mobile), purpose: .bind, clientAddress: call.clientAddress, logger: context.logger)
        return .ok(.object(["smsCode": .string(revealsCodes ? code : ""), "phoneNo": .string(mobile)]))
    }

    /// `checkPhoneCode`: `phoneNo` and `smsCode` bind the mobile to the caller's WeChat account. When
    /// the mobile already has an account, the WeChat user and the `loginKey` move to it; the reply
    /// names the account (`userId`) the client goes on with.
    func checkCode(_ call: MeshCall) async throws -> CanonicalReply {
        let input = Parameters(call.parameters)
        let code = try input.code("smsCode")
        let mobile = try input.requiredMobile("phoneNo")
        guard let token = call.token else { return .failure(.notLoggedIn) }
        let trainApps = settings.trainApps
        switch try await wechat.bindMobile(
            token: token, scope: Self.scope, identityApp: { trainApps[$0] ?? $0 }, mobile: mobile, code: code)
        {
        case .success(let account):
            return .ok(.object(["userId": .string(String(account.id)), "phoneNo": .string(mobile)]))
        case .failure(let refusal):
            throw refusal
        }
    }
}
