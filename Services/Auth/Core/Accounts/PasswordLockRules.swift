import ServiceKit

/// How many wrong passwords lock an account, and for how long.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `PASSWORD_MAX_FAILURES` | 5 | wrong passwords in a row that lock the account |
/// | `PASSWORD_LOCK_SECONDS` | 86400 | how long the lock lasts (the app base API document's 24 hours) |
/// | `PASSWORD_SHORT_LOCK_SECONDS` | 900 | the lock of the mobile mall and the C2C exchange (15 minutes) |
///
/// The lock belongs to the account; its length is that of the dialect where the last failure happened.
/// Pay passwords count their failures apart and lock the pay password for the short time.
struct PasswordLockRules: Sendable, Equatable {
    var maxFailures = 5
    var lockSeconds = 24 * 3600
    var shortLockSeconds = 15 * 60

    init() {}

    init(environment: Environment) throws {
        maxFailures = try environment.int("PASSWORD_MAX_FAILURES", default: 5, range: 1...1000)
        lockSeconds = try environment.int("PASSWORD_LOCK_SECONDS", default: 24 * 3600, range: 1...(365 * 24 * 3600))
        shortLockSeconds = try environment.int(
            "PASSWORD_SHORT_LOCK_SECONDS", default: 15 * 60, range: 1...(365 * 24 * 3600))
    }
}
