import ServiceKit

/// How the payment simulator runs (outside production only), from environment variables (each also read
/// with the `ORDERS_` prefix, which wins):
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `SANDBOX_TIME_SCALE` | 1 | factor on the providers' retry pauses (0.001 makes 15 s into 15 ms) |
/// | `SANDBOX_REFUND_SETTLE_MS` | 3000 | after how long a refund nobody settled by hand succeeds by itself |
struct SandboxSettings: Sendable {
    let timeScale: Double
    let refundSettleDelay: Duration

    init(environment: Environment) throws {
        let scale = environment.string("SANDBOX_TIME_SCALE", default: "1")
        guard let value = Double(scale), value > 0, value <= 1 else {
            throw ConfigurationError(variable: "SANDBOX_TIME_SCALE", problem: "must be a number above 0 and at most 1")
        }
        timeScale = value
        refundSettleDelay = .milliseconds(
            try environment.int("SANDBOX_REFUND_SETTLE_MS", default: 3000, range: 0...86_400_000))
    }
}
