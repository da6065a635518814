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
            .yaf, "sms.send", CallRefusal.guarded { call, context in try await operations.sendCode(call, context) })
        handlers.on(.yaf, "sms.verify", CallRefusal.guarded { call, _ in try await operations.verifyCode(call) })
        handlers.on(
            .yaf, "user.register", CallRefusal.guarded { call, _ in try await operations.registerAccount(call) })
        handlers.on(.yaf, "user.login", CallRefusal.guarded { call, _ in try await operations.logIn(call) })
        handlers.on(.yaf, "user.logout", CallRefusal.guarded { call, _ in try await operations.logOut(call) })
        handlers.on(.yaf, "user.pwd.edit", CallRefusal.guarded { call, _ in try await operations.changePassword(call) })
        handlers.on(.yaf, "user.pwd.find", CallRefusal.guarded { call, _ in try await operations.resetPassword(call) })
        handlers.on(
            .yaf, "system.request.token",
            CallRefusal.guarded { call, _ in try await operations.issueRequestTokens(call) })
    }

    /// The app the call comes from (yaf `appid`): one session per account and app.
    static func app(of call: MeshCall) -> String { call.appID ?? "" }
}
