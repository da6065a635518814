import Testing

@testable import ServiceKit

/// A provider's base URL is read once: the provider over HTTPS (port 443 unless given) or a simulator
/// over plain HTTP (port required), with a path the requests are put under.
struct ProviderEndpointTests {
    @Test func basesAreReadWithTheirPaths() throws {
        let real = try ProviderEndpoint(url: "https://api.mch.weixin.qq.com", variable: "X")
        #expect(real.secure && real.host == "api.mch.weixin.qq.com" && real.port == 443 && real.basePath.isEmpty)
        #expect(real.url("/pay/unifiedorder") == "https://api.mch.weixin.qq.com/pay/unifiedorder")
        let simulator = try ProviderEndpoint(url: "http://127.0.0.1:8103/sandbox/wechatpay/", variable: "X")
        #expect(!simulator.secure && simulator.port == 8103 && simulator.basePath == "/sandbox/wechatpay")
        #expect(simulator.url("/pay/orderquery") == "http://127.0.0.1:8103/sandbox/wechatpay/pay/orderquery")
        let other = try ProviderEndpoint(url: "https://openapi.alipay.com:8443/gateway.do", variable: "X")
        #expect(other.port == 8443 && other.basePath == "/gateway.do")
    }

    @Test func malformedBasesAreRefusedNamingTheVariable() {
        for url in [
            "ftp://x", "http://host-without-port", "https://", "https://user@host", "https://host/p?q=1",
            "http://host:0", "http://host:99999", "https://ho st",
        ] {
            #expect(throws: ConfigurationError.self, "\(url)") { try ProviderEndpoint(url: url, variable: "X") }
        }
    }
}
