import Crypto
import ServiceKit

/// The Alipay app the platform takes payments with: its app id, its private key (signs our requests),
/// Alipay's public key (checks Alipay's answers and notifications) and, when set, the seller id a
/// notification must name.
struct AlipayAccount: Sendable {
    let appID: String
    let privateKey: RSAPrivateKey
    let alipayPublicKey: RSAPublicKey
    let sellerID: String?
}

/// Alipay's settings of the orders service, from environment variables (each also read with the
/// `ORDERS_` prefix, which wins):
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `ALIPAY_APP_ID` | `9021000000000001` outside production | the app payments are made in |
/// | `ALIPAY_APP_PRIVATE_KEY` | the development key outside production | the app's RSA private key: PEM (`\n` may be written as the two characters `\` `n`), or bare base64 of PKCS#8 as Alipay's key tool writes it |
/// | `ALIPAY_PUBLIC_KEY` | the simulator's key outside production | Alipay's public key: bare base64 as Alipay shows it, or PEM |
/// | `ALIPAY_GATEWAY` | `https://openapi.alipay.com/gateway.do` in production; the simulator otherwise | Alipay's gateway |
/// | `ALIPAY_SELLER_ID` | none | when set, notifications naming another seller are refused |
/// | `ALIPAY_RETURN_URL` | none | where Alipay's cashier sends the payer back |
/// | `ALIPAY_API_TIMEOUT_MS` | 5000 | deadline of one call to Alipay's API |
///
/// Outside production everything defaults to the simulator of this service (`/sandbox/alipay/…`): the
/// payer's browser is sent to `PUBLIC_BASE_URL/sandbox/alipay/gateway.do`, and this service calls
/// `ORDERS_URL/sandbox/alipay/gateway.do`. In production Alipay is off until `ALIPAY_APP_ID`,
/// `ALIPAY_APP_PRIVATE_KEY` and `ALIPAY_PUBLIC_KEY` are all set, and the development keys are refused.
struct AlipaySettings: Sendable {
    static let productionGateway = "https://openapi.alipay.com/gateway.do"
    /// The simulator's gateway under this service (and, through the gateway, under the public base URL).
    static let simulatorPath = "/sandbox/alipay/gateway.do"
    /// The public path Alipay's notifications come to (the gateway passes them to `/notify/alipay`).
    static let notifyPath = "/pay/alipay/notify"

    let account: AlipayAccount
    /// The gateway URL the payer's browser is sent to (`<pageGateway>?<signed parameters>`).
    let pageGateway: String
    /// Where this service calls Alipay's API.
    let apiEndpoint: ProviderEndpoint
    let notifyURL: String
    let returnURL: String?
    let apiTimeout: Duration
    /// Whether Alipay is this service's simulator.
    let simulated: Bool

    /// The settings, or nil when Alipay is off (production without them).
    static func load(configuration: ServiceConfiguration) throws -> AlipaySettings? {
        let environment = configuration.environment
        let production = configuration.mode == .production
        let named = ["ALIPAY_APP_ID", "ALIPAY_APP_PRIVATE_KEY", "ALIPAY_PUBLIC_KEY"]
        if production {
            let given = named.filter { environment.lookup($0) != nil }
            guard !given.isEmpty else { return nil }
            if let missing = named.first(where: { environment.lookup($0) == nil }) {
                throw ConfigurationError(
                    variable: missing,
                    problem: "is required in production once \(given[0]) is set (Alipay needs all three)")
            }
        }
        let appID = environment.string("ALIPAY_APP_ID", default: AlipayDevelopmentKeys.appID)
        guard (1...32).contains(appID.utf8.count), appID.utf8.allSatisfy(Parameters.isDigit) else {
            throw ConfigurationError(variable: "ALIPAY_APP_ID", problem: "must be the app's numeric id")
        }
        let privateKey = try key("ALIPAY_APP_PRIVATE_KEY", environment, AlipayDevelopmentKeys.appPrivateKey) {
            try RSAPrivateKey(text: $0)
        }
        let alipayPublicKey = try key("ALIPAY_PUBLIC_KEY", environment, AlipayDevelopmentKeys.alipayPublicKey) {
            try RSAPublicKey(text: $0)
        }
        if production {
            if try privateKey.publicKey().base64 == AlipayDevelopmentKeys.appPublicKey {
                throw ConfigurationError(
                    variable: "ALIPAY_APP_PRIVATE_KEY",
                    problem: "the development key cannot take payments in production")
            }
            if alipayPublicKey.base64 == AlipayDevelopmentKeys.alipayPublicKey {
                throw ConfigurationError(
                    variable: "ALIPAY_PUBLIC_KEY", problem: "the simulator's key cannot be trusted in production")
            }
        }
        let sellerID = environment.lookup("ALIPAY_SELLER_ID")?.value
        if let sellerID, !((1...32).contains(sellerID.utf8.count) && sellerID.utf8.allSatisfy(Parameters.isDigit)) {
            throw ConfigurationError(variable: "ALIPAY_SELLER_ID", problem: "must be the seller's numeric id (2088…)")
        }
        let returnURL = environment.lookup("ALIPAY_RETURN_URL")?.value
        if let returnURL, !Parameters.isURL(returnURL) || returnURL.hasPrefix("/") {
            throw ConfigurationError(variable: "ALIPAY_RETURN_URL", problem: "must be an http(s) URL")
        }
        let publicBase = try PublicBaseURL(environment: environment)
        let pageGateway: String
        let apiEndpoint: ProviderEndpoint
        let simulated: Bool
        if let (variable, gateway) = environment.lookup("ALIPAY_GATEWAY") {
            apiEndpoint = try ProviderEndpoint(url: gateway, variable: variable)
            guard apiEndpoint.secure || !production else {
                throw ConfigurationError(variable: variable, problem: "must be an https URL in production")
            }
            pageGateway = apiEndpoint.url("")
            simulated = false
        } else if production {
            apiEndpoint = try ProviderEndpoint(url: productionGateway, variable: "ALIPAY_GATEWAY")
            pageGateway = productionGateway
            simulated = false
        } else {
            let orders = try configuration.upstreamURL(of: "orders", defaultPort: 8103)
            apiEndpoint = try ProviderEndpoint(
                url: "http://\(orders.host):\(orders.port)\(simulatorPath)", variable: "ORDERS_URL")
            pageGateway = publicBase.text + simulatorPath
            simulated = true
        }
        return AlipaySettings(
            account: AlipayAccount(
                appID: appID, privateKey: privateKey, alipayPublicKey: alipayPublicKey, sellerID: sellerID),
            pageGateway: pageGateway, apiEndpoint: apiEndpoint, notifyURL: publicBase.text + notifyPath,
            returnURL: returnURL,
            apiTimeout: .milliseconds(try environment.int("ALIPAY_API_TIMEOUT_MS", default: 5000, range: 100...60_000)),
            simulated: simulated)
    }

    /// The key `variable` holds (or `fallback`), read by `read`; a key that cannot be read names the
    /// variable and OpenSSL's reason, never the key.
    private static func key<Key>(
        _ variable: String, _ environment: Environment, _ fallback: String, _ read: (String) throws -> Key
    ) throws -> Key {
        let (name, text) = environment.lookup(variable) ?? (variable, fallback)
        do {
            return try read(text.replacingOccurrences(of: "\\n", with: "\n"))
        } catch {
            throw ConfigurationError(variable: name, problem: "is not a usable RSA key: \(error)")
        }
    }
}
