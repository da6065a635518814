import Foundation
import ServiceKit

/// The phone top-up's settings, from environment variables (each also read with the `ORDERS_` prefix,
/// which wins):
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `PHONE_TOPUP_API_BASE` | the simulator, `<ORDERS_URL>/sandbox/juhe`; `https://op.juhe.cn/ofpay/mobile` in production | base URL of the provider's Juhe API; production refuses a plain-http (simulator) address |
/// | `PHONE_TOPUP_OPENID` | a development OpenID; required in production | the Juhe account's OpenID (part of the order sign) |
/// | `PHONE_TOPUP_KEY` | a development key; required in production | the key of the Juhe phone-credit application |
/// | `PHONE_TOPUP_MARGIN_FEN` | 0 | fen added to the provider's purchase price to make the sell price the member pays (0 to 10000) |
/// | `PHONE_TOPUP_TIMEOUT_MS` | 10000 | deadline of one call to the provider |
/// | `PHONE_TOPUP_SWEEP_MS` | 2000 | how often charging orders are asked about, stalled ones resolved and failed ones refunded |
/// | `PHONE_TOPUP_STALL_MS` | 60000 | age after which an order still `created` (its debit outcome unseen) or `paid` (not yet taken by the provider) is resolved by the sweep; longer than any request |
/// | `PHONE_TOPUP_SIMULATOR_DELAY_MS` | 5000 | simulator: how long an order stays charging before it is charged (or failed) |
/// | `PHONE_TOPUP_SIMULATOR_FAIL_NUMBERS` | none | simulator: numbers (comma-separated) whose top-ups fail after the delay, so the refund can be seen |
///
/// The simulator's routes are mounted only outside production.
struct PhoneTopUpSettings: Sendable {
    /// The development credentials; production refuses to start with them.
    static let developmentOpenID = "JHdevelopmentopenid00000000000000"
    static let developmentKey = "developmentjuhekey00000000000000"
    /// Juhe's phone-credit API.
    static let juheBase = "https://op.juhe.cn/ofpay/mobile"

    let endpoint: ProviderEndpoint
    let credentials: JuheCredentials
    let marginFen: Int64
    let timeout: Duration
    let sweepInterval: Duration
    let stallAfter: Duration
    /// Nil in production, where the simulator is not mounted.
    let simulator: JuheSimulatorSettings?

    init(configuration: ServiceConfiguration) throws {
        let environment = configuration.environment
        let production = configuration.mode == .production
        let base: (variable: String, value: String)
        if let given = environment.lookup("PHONE_TOPUP_API_BASE") {
            base = given
        } else if production {
            base = ("PHONE_TOPUP_API_BASE", Self.juheBase)
        } else {
            let orders = try configuration.upstreamURL(of: "orders", defaultPort: 8103)
            let host = orders.host.contains(":") ? "[\(orders.host)]" : orders.host
            base = ("ORDERS_URL", "http://\(host):\(orders.port)/sandbox/juhe")
        }
        endpoint = try ProviderEndpoint(url: base.value, variable: base.variable)
        if production && !endpoint.secure {
            throw ConfigurationError(
                variable: base.variable,
                problem: "must be the provider's https address in production: the simulator tops up no phone")
        }
        let openID = environment.string("PHONE_TOPUP_OPENID", default: Self.developmentOpenID)
        let key = environment.string("PHONE_TOPUP_KEY", default: Self.developmentKey)
        for (variable, value, development) in [
            ("PHONE_TOPUP_OPENID", openID, Self.developmentOpenID), ("PHONE_TOPUP_KEY", key, Self.developmentKey),
        ] {
            guard (1...128).contains(value.utf8.count), value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                throw ConfigurationError(variable: variable, problem: "must be 1 to 128 visible ASCII characters")
            }
            if production && value == development {
                throw ConfigurationError(
                    variable: variable, problem: "must be set to the Juhe account's own in production")
            }
        }
        credentials = JuheCredentials(openID: openID, key: key)
        marginFen = Int64(try environment.int("PHONE_TOPUP_MARGIN_FEN", default: 0, range: 0...10_000))
        timeout = .milliseconds(try environment.int("PHONE_TOPUP_TIMEOUT_MS", default: 10_000, range: 100...60_000))
        sweepInterval = .milliseconds(try environment.int("PHONE_TOPUP_SWEEP_MS", default: 2_000, range: 100...600_000))
        stallAfter = .milliseconds(
            try environment.int("PHONE_TOPUP_STALL_MS", default: 60_000, range: 1_000...86_400_000))
        simulator = production ? nil : try JuheSimulatorSettings(environment: environment)
    }
}

/// How the simulator behaves (development and test only).
struct JuheSimulatorSettings: Sendable, Equatable {
    /// How long an order stays charging.
    let delay: Duration
    /// Numbers whose top-ups the simulator fails.
    let failingNumbers: Set<String>

    init(delay: Duration, failingNumbers: Set<String>) {
        self.delay = delay
        self.failingNumbers = failingNumbers
    }

    init(environment: Environment) throws {
        delay = .milliseconds(
            try environment.int("PHONE_TOPUP_SIMULATOR_DELAY_MS", default: 5_000, range: 0...3_600_000))
        let (variable, text) = environment.lookup("PHONE_TOPUP_SIMULATOR_FAIL_NUMBERS") ?? ("", "")
        var numbers = Set<String>()
        for item in text.split(separator: ",") {
            let number = item.trimmingCharacters(in: .whitespaces)
            guard MobileNumber.isValid(number) else {
                throw ConfigurationError(variable: variable, problem: "must be mobile numbers separated by commas")
            }
            numbers.insert(number)
        }
        failingNumbers = numbers
    }
}
