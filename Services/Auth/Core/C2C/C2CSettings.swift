import ServiceKit

/// The C2C sign-in's own settings (also read with the `AUTH_` prefix, which wins):
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `C2C_PASSWORD_LOCK_SECONDS` | 900 | how long wrong passwords lock an account (60000 says 15 minutes) |
struct C2CSettings: Sendable {
    let lockSeconds: Int

    init(environment: Environment) throws {
        lockSeconds = try environment.int("C2C_PASSWORD_LOCK_SECONDS", default: 15 * 60, range: 1...(365 * 24 * 3600))
    }

    /// The document's 60000 message, with the configured lock time.
    var lockMessage: String {
        let minutes = (lockSeconds + 59) / 60
        return "错误次数过多，请\(minutes)分钟以后再试"
    }
}
