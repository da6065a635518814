import ServiceKit
import Testing

@testable import AuthService

/// The WeChat settings: development defaults, production's refusals, the train app mapping.
struct WeChatSettingsTests {
    func settings(_ values: [String: String]) throws -> WeChatSettings {
        let environment = Environment(prefix: "AUTH", values: values)
        return try WeChatSettings(
            configuration: ServiceConfiguration(descriptor: AuthService.descriptor, environment: environment))
    }

    @Test func developmentUsesTheSimulatorAndItsApps() throws {
        let development = try settings([:])
        #expect(development.checker == .simulator)
        #expect(development.codeProvider == .simulator)
        #expect(development.trainApp(appCode: "XCX")?.id == WeChatSettings.developmentTrainApp)
        #expect(development.apps[WeChatSettings.developmentO2OApp] != nil)
        #expect(development.o2oTestUserMobile == "13800138000")
        #expect(development.trainApp(appCode: "OTHER") == nil)
    }

    @Test func productionAsksWeChatAndHasNoTestUser() throws {
        let production = try settings([
            "APP_ENV": "production", "INTERNAL_KEY": "production-key", "WECHAT_APPS": "wxprod:secret",
            "TRAIN_WECHAT_APPS": "XCX:wxprod",
        ])
        #expect(production.checker == .wechat)
        #expect(production.codeProvider == .wechat)
        #expect(production.o2oTestUserMobile == nil)
        #expect(production.trainApp(appCode: "XCX") == WeChatApp(id: "wxprod", secret: "secret"))
        #expect(try settings(["APP_ENV": "production", "INTERNAL_KEY": "production-key"]).apps.isEmpty)
        let simulated = ["APP_ENV": "production", "INTERNAL_KEY": "production-key", "WECHAT_LOGIN": "simulator"]
        #expect(throws: ConfigurationError.self) { try settings(simulated) }
        let simulatedCodes = ["APP_ENV": "production", "INTERNAL_KEY": "production-key", "WECHAT_CODE": "simulator"]
        #expect(throws: ConfigurationError.self) { try settings(simulatedCodes) }
        #expect(try settings(["WECHAT_CODE": "wechat"]).codeProvider == .wechat)
    }

    @Test(arguments: [
        ["WECHAT_APPS": "wx1"], ["WECHAT_APPS": "wx 1:s"], ["WECHAT_APPS": "wx1:"], ["TRAIN_WECHAT_APPS": "XCX:wxnone"],
        ["WECHAT_LOGIN": "magic"], ["WECHAT_CODE": "magic"], ["O2O_TEST_USER_MOBILE": "123"],
        ["WECHAT_API_TIMEOUT_MS": "0"],
    ])
    func malformedSettingsStopTheStart(_ values: [String: String]) {
        #expect(throws: ConfigurationError.self) { try settings(values) }
    }
}
