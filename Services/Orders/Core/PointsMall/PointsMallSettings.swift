import ServiceKit

/// The points-mall orders' settings, from environment variables (each also read with the `ORDERS_`
/// prefix, which wins):
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `POINTS_ORDERS_SWEEP_MS` | 5000 | how often stale placings are given back and unconfirmed give-backs tried again |
/// | `POINTS_ORDERS_STALE_MS` | 120000 | age after which an order still placing is abandoned by the sweep; longer than any request |
struct PointsMallSettings: Sendable {
    let sweepInterval: Duration
    let staleAfter: Duration

    init(sweepInterval: Duration, staleAfter: Duration) {
        self.sweepInterval = sweepInterval
        self.staleAfter = staleAfter
    }

    init(environment: Environment) throws {
        sweepInterval = .milliseconds(
            try environment.int("POINTS_ORDERS_SWEEP_MS", default: 5000, range: 100...600_000))
        staleAfter = .milliseconds(
            try environment.int("POINTS_ORDERS_STALE_MS", default: 120_000, range: 1_000...86_400_000))
    }
}
