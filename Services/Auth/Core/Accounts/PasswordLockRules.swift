import ServiceKit

/// How many wrong passwords lock an account, and for how long.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `PASSWORD_MAX_FAILURES` | 5 | wrong passwords in a row that lock the account |
/// | `PASSWORD_LOCK_SECONDS` | 86400 | how long the lock lasts (the app base API document's 24 hours) |
struct PasswordLockRules: Sendable, Equatable {
    var maxFailures = 5
    var lockSeconds = 24 * 3600

    init() {}

    init(environment: Environment) throws {
        maxFailures = try environment.int("PASSWORD_MAX_FAILURES", default: 5, range: 1...1000)
        lockSeconds = try environment.int("PASSWORD_LOCK_SECONDS", default: 24 * 3600, range: 1...(365 * 24 * 3600))
    }
}
