import HTTPSClient
import ServiceKit

/// The payment settings of the orders service, from environment variables (each also read with the
/// `ORDERS_` prefix, which wins):
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `WECHAT_PAY_APP_ID` | `wxdevo2o` | the app id payments are made in |
/// | `WECHAT_PAY_LINKED_APP_IDS` | `wxdemoo2o2,wxdemoo2o3`; none in production | the other mini-programs linked to the merchant account (the operations centres' own), comma-separated |
/// | `WECHAT_PAY_MCH_ID` | `1900000109` | the WeChat Pay merchant id |
/// | `WECHAT_PAY_API_KEY` | a development key; required in production | the merchant's v2 API key (32 characters) |
/// | `WECHAT_PAY_SIGN_TYPE` | `MD5` | `MD5` or `HMAC-SHA256` for the requests this service signs |
/// | `WECHAT_PAY_API_BASE` | `https://api.mch.weixin.qq.com`; outside production the simulator at `ORDERS_URL` + `/sandbox/wechatpay` | where WeChat Pay's merchant API answers |
/// | `WECHAT_PAY_TIMEOUT_MS` | 5000 | deadline of one WeChat Pay call |
/// | `WECHAT_PAY_CERT_FILE`, `WECHAT_PAY_KEY_FILE` | none | the merchant's API certificate and key (PEM), which WeChat Pay requires for refunds (without them its refunds fail) |
/// | `PAYMENTS_SWEEP_MS` | 2000 | how often unpaid trades past their time are closed and settled payments handed over |
/// | `TRADE_LIFETIME_MINUTES` | 30 | how long a trade waits for its payment before it closes |
/// | `RECHARGE_MAXIMUM_YUAN` | 50000 | the largest balance recharge |
///
/// WeChat Pay calls back at `PUBLIC_BASE_URL` + `/pay/wechat/notify` (payments) and `/pay/wechat/refund-notify`
/// (refunds). Production refuses the development key and any endpoint that is not HTTPS.
struct PaymentSettings: Sendable {
    /// The key of development and test starts; production refuses to start with it.
    static let developmentAPIKey = "developmentwechatpaykey000000000"

    let wechat: WeChatPayMerchant
    let wechatEndpoint: ProviderEndpoint
    let wechatTimeout: Duration
    let sweepInterval: Duration
    let tradeLifetime: Duration
    let rechargeMaximumFen: Int64
    let paymentNotifyURL: String
    let refundNotifyURL: String
    /// Whether the payment simulator is served (never in production).
    let servesSandbox: Bool

    init(configuration: ServiceConfiguration) throws {
        let environment = configuration.environment
        let key = environment.string("WECHAT_PAY_API_KEY", default: Self.developmentAPIKey)
        guard key.utf8.count == 32, key.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw ConfigurationError(variable: "WECHAT_PAY_API_KEY", problem: "must be the 32-character v2 API key")
        }
        if configuration.mode == .production && key == Self.developmentAPIKey {
            throw ConfigurationError(
                variable: "WECHAT_PAY_API_KEY", problem: "the development key cannot take payments in production")
        }
        let kind = try environment.choice(
            "WECHAT_PAY_SIGN_TYPE", default: "md5", choices: ["md5", "hmac-sha256"])
        sweepInterval = .milliseconds(try environment.int("PAYMENTS_SWEEP_MS", default: 2000, range: 100...60_000))
        tradeLifetime = .seconds(60 * (try environment.int("TRADE_LIFETIME_MINUTES", default: 30, range: 1...1440)))
        rechargeMaximumFen =
            Int64(try environment.int("RECHARGE_MAXIMUM_YUAN", default: 50_000, range: 1...10_000_000)) * 100
        wechatTimeout = .milliseconds(try environment.int("WECHAT_PAY_TIMEOUT_MS", default: 5000, range: 100...60_000))
        let production = configuration.mode == .production
        servesSandbox = !production
        let sandbox = try configuration.upstreamURL(of: "orders", defaultPort: 8103)
        let base = environment.string(
            "WECHAT_PAY_API_BASE",
            default: production ? "https://api.mch.weixin.qq.com" : "http://\(sandbox.description)/sandbox/wechatpay")
        var endpoint = try ProviderEndpoint(url: base, variable: "WECHAT_PAY_API_BASE")
        if production && !endpoint.secure {
            throw ConfigurationError(
                variable: "WECHAT_PAY_API_BASE", problem: "must be WeChat Pay's HTTPS API in production")
        }
        let certificate = environment.string("WECHAT_PAY_CERT_FILE", default: "")
        let certificateKey = environment.string("WECHAT_PAY_KEY_FILE", default: "")
        if !certificate.isEmpty || !certificateKey.isEmpty {
            guard !certificate.isEmpty, !certificateKey.isEmpty else {
                throw ConfigurationError(
                    variable: "WECHAT_PAY_CERT_FILE", problem: "needs WECHAT_PAY_KEY_FILE beside it (both or neither)")
            }
            endpoint.clientCertificate = ClientCertificate(certificateFile: certificate, keyFile: certificateKey)
        }
        wechatEndpoint = endpoint
        let publicBase = try PublicBaseURL(environment: environment)
        paymentNotifyURL = publicBase.absolute("/pay/wechat/notify")
        refundNotifyURL = publicBase.absolute("/pay/wechat/refund-notify")
        wechat = WeChatPayMerchant(
            appID: environment.string("WECHAT_PAY_APP_ID", default: "wxdevo2o"),
            merchantID: environment.string("WECHAT_PAY_MCH_ID", default: "1900000109"), apiKey: key,
            signKind: kind == "md5" ? .md5 : .hmacSHA256,
            linkedAppIDs: Set(
                environment.string("WECHAT_PAY_LINKED_APP_IDS", default: production ? "" : "wxdemoo2o2,wxdemoo2o3")
                    .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }))
    }
}
