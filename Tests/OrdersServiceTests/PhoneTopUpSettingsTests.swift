import ServiceKit
import Testing

@testable import OrdersService

/// The phone top-up's settings: the simulator on the service's own address in development, Juhe over
/// https in production, which refuses the simulator and the development credentials.
struct PhoneTopUpSettingsTests {
    func settings(_ values: [String: String]) throws -> PhoneTopUpSettings {
        let environment = Environment(prefix: "ORDERS", values: values)
        return try PhoneTopUpSettings(
            configuration: ServiceConfiguration(descriptor: OrdersService.descriptor, environment: environment))
    }

    static let production = [
        "APP_ENV": "production", "INTERNAL_KEY": "production-key",
        "WECHAT_PAY_API_KEY": "0123456789abcdef0123456789abcdef",
        "PHONE_TOPUP_OPENID": "JHproductionopenid", "PHONE_TOPUP_KEY": "production-juhe-key",
    ]

    @Test func developmentTalksToTheSimulatorOnTheOrdersService() throws {
        let development = try settings(["ORDERS_URL": "http://10.1.2.3:9103"])
        #expect(development.endpoint.description == "http://10.1.2.3:9103/sandbox/juhe")
        #expect(!development.endpoint.secure)
        #expect(development.credentials.key == PhoneTopUpSettings.developmentKey)
        #expect(development.marginFen == 0 && development.stallAfter == .seconds(60))
        #expect(development.simulator == JuheSimulatorSettings(delay: .seconds(5), failingNumbers: []))
        #expect(try settings([:]).endpoint.description == "http://127.0.0.1:8103/sandbox/juhe")
        let tuned = try settings([
            "ORDERS_PHONE_TOPUP_SIMULATOR_DELAY_MS": "300",
            "PHONE_TOPUP_SIMULATOR_FAIL_NUMBERS": "13800000009, 13900000009",
            "PHONE_TOPUP_MARGIN_FEN": "50",
        ])
        #expect(
            tuned.simulator
                == JuheSimulatorSettings(delay: .milliseconds(300), failingNumbers: ["13800000009", "13900000009"]))
        #expect(tuned.marginFen == 50)
    }

    @Test func productionTalksToJuheAndRefusesTheSimulator() throws {
        let production = try settings(Self.production)
        #expect(production.endpoint.description == "https://op.juhe.cn/ofpay/mobile")
        #expect(production.endpoint.secure && production.simulator == nil)
        var simulated = Self.production
        simulated["PHONE_TOPUP_API_BASE"] = "http://127.0.0.1:8103/sandbox/juhe"
        #expect(throws: ConfigurationError.self) { try settings(simulated) }
        for name in ["PHONE_TOPUP_OPENID", "PHONE_TOPUP_KEY"] {
            var development = Self.production
            development[name] = nil
            #expect(throws: ConfigurationError.self, "\(name)") { try settings(development) }
        }
    }

    @Test(arguments: [
        ["PHONE_TOPUP_API_BASE": "ftp://juhe"], ["PHONE_TOPUP_KEY": "with space"], ["PHONE_TOPUP_MARGIN_FEN": "-1"],
        ["PHONE_TOPUP_TIMEOUT_MS": "0"], ["PHONE_TOPUP_STALL_MS": "10"], ["PHONE_TOPUP_SIMULATOR_FAIL_NUMBERS": "123"],
    ])
    func malformedSettingsStopTheStart(_ values: [String: String]) {
        #expect(throws: ConfigurationError.self) { try settings(values) }
    }
}
