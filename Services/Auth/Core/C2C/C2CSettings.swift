/// The C2C sign-in's lock: the short lock of `PasswordLockRules` (`PASSWORD_SHORT_LOCK_SECONDS`, 15
/// minutes by default, as the exchange document's 60000 message says), and the message naming it.
struct C2CSettings: Sendable {
    let lockSeconds: Int

    init(lockRules: PasswordLockRules) {
        lockSeconds = lockRules.shortLockSeconds
    }

    /// The document's 60000 message, with the configured lock time.
    var lockMessage: String {
        let minutes = (lockSeconds + 59) / 60
        return "错误次数过多，请\(minutes)分钟以后再试"
    }
}
