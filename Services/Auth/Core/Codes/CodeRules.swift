import ServiceKit

/// How one-time codes are made, checked and rationed; every number comes from the environment.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `CODE_LIFETIME_SECONDS` | 300 | how long a code stays valid |
/// | `CODE_MAX_ATTEMPTS` | 5 | wrong tries after which a code is dead |
/// | `SMS_SEND_INTERVAL_SECONDS` | 60 | least time between two codes for one target and purpose |
/// | `SMS_DAILY_LIMIT_PER_TARGET` | 10 | codes per mobile (or address) in 24 hours |
/// | `SMS_DAILY_LIMIT_PER_ADDRESS` | 50 | codes asked for from one client address in 24 hours |
struct CodeRules: Sendable, Equatable {
    /// Digits in a code.
    static let length = 6

    var lifetimeSeconds = 300
    var maxAttempts = 5
    var sendIntervalSeconds = 60
    var dailyLimitPerTarget = 10
    var dailyLimitPerAddress = 50

    init() {}

    init(environment: Environment) throws {
        lifetimeSeconds = try environment.int("CODE_LIFETIME_SECONDS", default: 300, range: 1...86_400)
        maxAttempts = try environment.int("CODE_MAX_ATTEMPTS", default: 5, range: 1...100)
        sendIntervalSeconds = try environment.int("SMS_SEND_INTERVAL_SECONDS", default: 60, range: 0...86_400)
        dailyLimitPerTarget = try environment.int("SMS_DAILY_LIMIT_PER_TARGET", default: 10, range: 1...100_000)
        dailyLimitPerAddress = try environment.int("SMS_DAILY_LIMIT_PER_ADDRESS", default: 50, range: 1...10_000_000)
    }
}
