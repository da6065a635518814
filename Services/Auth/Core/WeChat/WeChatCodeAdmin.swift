import Catalog
import JSON
import ServiceKit

/// The admin operation `wechat.code` (`/admin/api/auth/wechat.code` on the gateway) while the
/// WeChat simulator checks logins (development and test): `{"app_id","person"}` → a login code for
/// the simulated `person` in the mini-program `app_id`, as `wx.login` would give it, with the open id
/// it logs in as. The code works once within five minutes. This is how a developer or a test gets
/// a code that train `login` and O2O `wxLogin` accept; the same person always gets the same open id
/// in an app. Refused when WeChat's own API checks codes (and so always in production).
enum WeChatCodeAdmin {
    static func register(on handlers: inout AdminHandlers, simulator: WeChatSimulator?, settings: WeChatSettings) {
        handlers.on("wechat.code") { call in
            guard let simulator else {
                return .failure(.forbidden, "WeChat's own API checks login codes here; the simulator is off")
            }
            guard let app = call.parameters.values["app_id"]?.stringValue, settings.apps[app] != nil else {
                let known = settings.apps.keys.sorted().joined(separator: ", ")
                return .failure(.unknownApp, "app_id must be one of the configured mini-programs: \(known)")
            }
            guard let person = call.parameters.values["person"]?.stringValue, Parameters.isAppName(person) else {
                return .failure(.invalidParams, "person must be 1 to 64 letters, digits, '_', '-' or '.'")
            }
            let code = try await simulator.issueCode(app: app, person: person)
            return .ok(
                .object([
                    "code": .string(code), "open_id": .string(WeChatSimulator.openID(app: app, person: person)),
                    "expires_in": .number(JSONNumber(WeChatSimulator.codeLifetimeSeconds)),
                ]))
        }
    }
}
