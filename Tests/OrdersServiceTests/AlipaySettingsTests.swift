import Crypto
import ServiceKit
import Testing

@testable import OrdersService

/// Alipay's settings: the simulator and the development keys by default outside production; in
/// production off until configured, the development keys refused.
struct AlipaySettingsTests {
    static func load(_ values: [String: String]) throws -> AlipaySettings? {
        let configuration = try ServiceConfiguration(
            descriptor: OrdersService.descriptor, environment: Environment(prefix: "orders", values: values))
        return try AlipaySettings.load(configuration: configuration)
    }

    static let production = [
        "APP_ENV": "production", "INTERNAL_KEY": "a-production-key", "PUBLIC_BASE_URL": "https://api.example.com",
    ]

    @Test func outsideProductionTheSimulatorAndTheDevelopmentKeysAreTheDefault() throws {
        let settings = try #require(
            try Self.load([
                "APP_ENV": "test", "ORDERS_URL": "http://10.0.0.5:9103", "PUBLIC_BASE_URL": "http://127.0.0.1:18080/",
            ]))
        #expect(settings.simulated)
        #expect(settings.account.appID == AlipayDevelopmentKeys.appID)
        #expect(settings.account.alipayPublicKey.base64 == AlipayDevelopmentKeys.alipayPublicKey)
        #expect(try settings.account.privateKey.publicKey().base64 == AlipayDevelopmentKeys.appPublicKey)
        #expect(settings.pageGateway == "http://127.0.0.1:18080/sandbox/alipay/gateway.do")
        #expect(settings.apiEndpoint.url("") == "http://10.0.0.5:9103/sandbox/alipay/gateway.do")
        #expect(settings.notifyURL == "http://127.0.0.1:18080/pay/alipay/notify")
        #expect(settings.returnURL == nil && settings.account.sellerID == nil)
    }

    @Test func productionIsOffUntilConfiguredAndNeedsAllThree() throws {
        #expect(try Self.load(Self.production) == nil)
        var partial = Self.production
        partial["ALIPAY_APP_ID"] = "2021000000000001"
        #expect(throws: ConfigurationError.self) { _ = try Self.load(partial) }
    }

    @Test func productionRefusesTheDevelopmentKeys() throws {
        var values = Self.production
        values["ALIPAY_APP_ID"] = "2021000000000001"
        values["ALIPAY_APP_PRIVATE_KEY"] = AlipayDevelopmentKeys.appPrivateKey
        values["ALIPAY_PUBLIC_KEY"] = AlipayDevelopmentKeys.alipayPublicKey
        #expect(throws: ConfigurationError.self) { _ = try Self.load(values) }
        values["ALIPAY_APP_PRIVATE_KEY"] = AlipayDevelopmentKeys.alipayPrivateKey
        #expect(throws: ConfigurationError.self) { _ = try Self.load(values) }
    }

    @Test func productionWithItsOwnKeysTalksToAlipayOverTLS() throws {
        var values = Self.production
        values["ALIPAY_APP_ID"] = "2021000000000001"
        // Keys of our own for this test: the simulated Alipay's pair in the other roles.
        let pem =
            "-----BEGIN PRIVATE KEY-----\\n" + AlipayDevelopmentKeys.alipayPrivateKey + "\\n-----END PRIVATE KEY-----"
        values["ALIPAY_APP_PRIVATE_KEY"] = pem
        values["ALIPAY_PUBLIC_KEY"] = AlipayDevelopmentKeys.appPublicKey
        values["ALIPAY_SELLER_ID"] = "2088000000000009"
        values["ALIPAY_RETURN_URL"] = "https://m.example.com/paid"
        let settings = try #require(try Self.load(values))
        #expect(!settings.simulated)
        #expect(settings.pageGateway == "https://openapi.alipay.com/gateway.do")
        #expect(settings.apiEndpoint.secure && settings.apiEndpoint.basePath == "/gateway.do")
        #expect(settings.notifyURL == "https://api.example.com/pay/alipay/notify")
        #expect(settings.account.sellerID == "2088000000000009")
        values["ALIPAY_GATEWAY"] = "http://alipay.example.com:80/gateway.do"
        #expect(throws: ConfigurationError.self) { _ = try Self.load(values) }
    }

    @Test func malformedValuesNameTheirVariable() throws {
        let cases: [(String, String)] = [
            ("ALIPAY_APP_ID", "app"), ("ALIPAY_APP_PRIVATE_KEY", "not a key"), ("ALIPAY_PUBLIC_KEY", "MIIB"),
            ("ALIPAY_GATEWAY", "ftp://x"), ("ALIPAY_SELLER_ID", "seller"), ("ALIPAY_RETURN_URL", "/relative"),
        ]
        for (variable, value) in cases {
            do {
                _ = try Self.load(["APP_ENV": "test", variable: value])
                Issue.record("\(variable)=\(value) was accepted")
            } catch let error as ConfigurationError {
                #expect(error.variable == variable)
                #expect(!error.description.contains(value) || value.count < 10)
            }
        }
    }
}
