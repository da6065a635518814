import Foundation
import ServiceKit

/// The auth service's own settings, from environment variables (each also read with the `AUTH_`
/// prefix, which wins):
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `ADMIN_USERNAME`, `ADMIN_PASSWORD` | `admin`, development password | the first admin account |
/// | `CODE_LIFETIME_SECONDS` … | see `CodeRules` | lifetime, tries and sending limits of one-time codes |
/// | `PASSWORD_MAX_FAILURES`, `PASSWORD_MAX_FAILURES_PER_ADDRESS` | 20, 5 | see `PasswordLockRules` |
/// | `PASSWORD_BASE_LOCK_SECONDS`, `PASSWORD_MAX_LOCK_SECONDS`, `PASSWORD_LOCK_WINDOW_SECONDS` | 900, 86400, 86400 | see `PasswordLockRules` |
/// | `REQUEST_TOKEN_LIFETIME_SECONDS` | 1800 | life of an anti-duplicate request token |
/// | `MOBILE_SESSIONS_PER_ACCOUNT` | 5 | mobile mall sessions (devices) one account keeps; the oldest ends beyond |
/// | `TIME_ZONE` | `Asia/Shanghai` | zone of the times shown to clients |
///
/// SMS and e-mail: development and test send through the simulators (the outboxes, read with the admin
/// operations `sms.outbox` and `email.outbox`; `captcha.issue` gives a captcha with a known answer); production has no provider
/// yet, so sending a code fails there with a provider error. Only in test mode (`APP_ENV=test`) does
/// the yaf `sms.send` reply carry the code itself (`data.code`); development reads it from the
/// outbox through the admin operation `sms.outbox`.
struct AuthSettings: Sendable {
    /// The development password of the first admin, refused in production.
    static let developmentAdminPassword = "admin-development-password"

    let mode: AppEnvironment
    let firstAdminUsername: String
    let firstAdminPassword: String
    let codes: CodeRules
    let passwordLock: PasswordLockRules
    let requestTokenLifetimeSeconds: Int
    /// Mobile mall sessions one account may hold at once, one per device.
    let mobileSessionsPerAccount: Int
    let displayTime: DisplayTime

    /// Whether code replies may carry the code, for automated tests.
    var revealsCodes: Bool { mode == .test }
    /// Whether messages go to the simulator's outbox.
    var simulatesSMS: Bool { mode != .production }

    init(configuration: ServiceConfiguration) throws {
        let environment = configuration.environment
        mode = configuration.mode
        firstAdminUsername = environment.string("ADMIN_USERNAME", default: "admin")
        firstAdminPassword = environment.string("ADMIN_PASSWORD", default: AuthSettings.developmentAdminPassword)
        guard (3...64).contains(firstAdminUsername.utf8.count) else {
            throw ConfigurationError(variable: "ADMIN_USERNAME", problem: "must be 3 to 64 characters")
        }
        guard (12...128).contains(firstAdminPassword.utf8.count) else {
            throw ConfigurationError(variable: "ADMIN_PASSWORD", problem: "must be 12 to 128 characters")
        }
        if configuration.mode == .production && firstAdminPassword == AuthSettings.developmentAdminPassword {
            throw ConfigurationError(
                variable: "ADMIN_PASSWORD", problem: "must be set to a secret of your own in production")
        }
        codes = try CodeRules(environment: environment)
        passwordLock = try PasswordLockRules(environment: environment)
        requestTokenLifetimeSeconds = try environment.int(
            "REQUEST_TOKEN_LIFETIME_SECONDS", default: 30 * 60, range: 1...(7 * 24 * 3600))
        mobileSessionsPerAccount = try environment.int("MOBILE_SESSIONS_PER_ACCOUNT", default: 5, range: 1...100)
        displayTime = try configuration.displayTime()
    }
}
