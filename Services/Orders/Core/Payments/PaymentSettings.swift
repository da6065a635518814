import ServiceKit

/// The payment settings of the orders service, from environment variables (each also read with the
/// `ORDERS_` prefix, which wins):
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `WECHAT_PAY_APP_ID` | `wxdevo2o` | the app id payments are made in |
/// | `WECHAT_PAY_MCH_ID` | `1900000109` | the WeChat Pay merchant id |
/// | `WECHAT_PAY_API_KEY` | a development key; required in production | the merchant's v2 API key (32 characters) |
/// | `WECHAT_PAY_SIGN_TYPE` | `MD5` | `MD5` or `HMAC-SHA256` for the requests this service signs |
/// | `PAYMENTS_SWEEP_MS` | 2000 | how often unpaid trades past their time are closed and settled payments handed over |
struct PaymentSettings: Sendable {
    /// The key of development and test starts; production refuses to start with it.
    static let developmentAPIKey = "developmentwechatpaykey000000000"

    let wechat: WeChatPayMerchant
    let sweepInterval: Duration

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
        wechat = WeChatPayMerchant(
            appID: environment.string("WECHAT_PAY_APP_ID", default: "wxdevo2o"),
            merchantID: environment.string("WECHAT_PAY_MCH_ID", default: "1900000109"), apiKey: key,
            signKind: kind == "md5" ? .md5 : .hmacSHA256)
    }
}
