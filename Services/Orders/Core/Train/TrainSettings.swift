import ServiceKit

/// The train orders' settings, from environment variables (each also read with the `ORDERS_` prefix, which
/// wins):
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `TRAIN_BOOKING_WINDOW_SECONDS` | 1800 | how long a merchant may hold an order without submitting a ticket before it waits for a merchant again |
/// | `TRAIN_CONFIRM_WINDOW_SECONDS` | 86400 | how long a customer has to confirm an audited ticket before the order is confirmed by itself |
/// | `TRAIN_SWEEP_MS` | 5000 | how often held orders past their window are released, overdue ones confirmed and settlements handed over |
struct TrainSettings: Sendable {
    let bookingWindow: Duration
    let confirmWindow: Duration
    let sweepInterval: Duration

    init(environment: Environment) throws {
        bookingWindow = .seconds(try environment.int("TRAIN_BOOKING_WINDOW_SECONDS", default: 1800, range: 1...86_400))
        confirmWindow = .seconds(
            try environment.int("TRAIN_CONFIRM_WINDOW_SECONDS", default: 86_400, range: 1...2_592_000))
        sweepInterval = .milliseconds(try environment.int("TRAIN_SWEEP_MS", default: 5000, range: 100...600_000))
    }
}
