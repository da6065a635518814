import Mesh
import ServiceKit

/// The auth operations of the app base API (yaf, document 003): SMS codes, sign-up, sign-in and
/// sign-out, password change and reset, anti-duplicate request tokens.
struct YafAuthOperations: Sendable {
    let flows: CredentialFlows
    let sessions: SessionStore
    let requestTokens: RequestTokens
    let settings: AuthSettings
    let profiles: ProfileLookup

    static let scope = Dialect.yaf.rawValue

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(
            .yaf, "sms.send", { call in try await operations.sendCode(call.mesh, call.context) })
        handlers.on(.yaf, "sms.verify", { call in try await operations.verifyCode(call.mesh) })
        handlers.on(
            .yaf, "user.register", { call in try await operations.registerAccount(call.mesh) })
        handlers.on(.yaf, "user.login", { call in try await operations.logIn(call.mesh) })
        handlers.on(.yaf, "user.logout", access: .session, { call in try await operations.logOut(call.mesh) })
        handlers.on(.yaf, "user.pwd.edit", access: .account, { call in try await operations.changePassword(call.mesh) })
        handlers.on(.yaf, "user.pwd.find", { call in try await operations.resetPassword(call.mesh) })
        handlers.on(
            .yaf, "system.request.token",
            { call in try await operations.issueRequestTokens(call.mesh) })
    }

    /// The app the call comes from (yaf `appid`): one session per account and app.
    static func app(of call: MeshCall) -> String { call.appID ?? "" }
}
