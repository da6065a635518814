import ServiceKit

/// The train orders' settings, from environment variables (each also read with the `ORDERS_` prefix, which
/// wins):
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `TRAIN_BOOKING_WINDOW_SECONDS` | 1800 | how long a merchant may hold an order without submitting a ticket before it waits for a merchant again |
/// | `TRAIN_SWEEP_MS` | 5000 | how often held orders past their window are released |
struct TrainSettings: Sendable {
    let bookingWindow: Duration
    let sweepInterval: Duration

    init(environment: Environment) throws {
        bookingWindow = .seconds(try environment.int("TRAIN_BOOKING_WINDOW_SECONDS", default: 1800, range: 1...86_400))
        sweepInterval = .milliseconds(try environment.int("TRAIN_SWEEP_MS", default: 5000, range: 100...600_000))
    }
}
