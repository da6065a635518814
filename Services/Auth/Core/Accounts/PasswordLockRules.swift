import Foundation
import ServiceKit

/// How wrong login passwords lock: the counts that lock, and how long each lock lasts. A pure value;
/// `PasswordFailures` keeps the counts in the database.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `PASSWORD_MAX_FAILURES` | 20 | wrong passwords in a row, from all addresses together, that lock the account itself |
/// | `PASSWORD_MAX_FAILURES_PER_ADDRESS` | 5 | wrong passwords in a row from one client address that lock that address out of the account |
/// | `PASSWORD_BASE_LOCK_SECONDS` | 900 (or `PASSWORD_SHORT_LOCK_SECONDS`) | the first lock |
/// | `PASSWORD_MAX_LOCK_SECONDS` | 86400 (or `PASSWORD_LOCK_SECONDS`) | the longest lock |
/// | `PASSWORD_LOCK_WINDOW_SECONDS` | 86400 | a lock that starts within this time after the previous one ended lasts twice as long |
///
/// Each further lock within the window doubles, up to the longest; a successful sign-in or a password
/// reset starts again from the first. Pay passwords keep their own rule (see `PayPasswords`): the
/// per-address count of wrong pay passwords locks the pay password for the base lock.
struct PasswordLockRules: Sendable, Equatable {
    var maxFailures = 20
    var maxFailuresPerAddress = 5
    var baseLockSeconds = 15 * 60
    var maxLockSeconds = 24 * 3600
    var windowSeconds = 24 * 3600

    init() {}

    init(environment: Environment) throws {
        let year = 365 * 24 * 3600
        maxFailures = try environment.int("PASSWORD_MAX_FAILURES", default: 20, range: 1...1000)
        maxFailuresPerAddress = try environment.int(
            "PASSWORD_MAX_FAILURES_PER_ADDRESS", default: min(5, maxFailures), range: 1...1000)
        let base = try environment.int("PASSWORD_SHORT_LOCK_SECONDS", default: 15 * 60, range: 1...year)
        baseLockSeconds = try environment.int("PASSWORD_BASE_LOCK_SECONDS", default: base, range: 1...year)
        let cap = try environment.int(
            "PASSWORD_LOCK_SECONDS", default: max(24 * 3600, baseLockSeconds), range: 1...year)
        maxLockSeconds = try environment.int("PASSWORD_MAX_LOCK_SECONDS", default: cap, range: 1...year)
        windowSeconds = try environment.int("PASSWORD_LOCK_WINDOW_SECONDS", default: 24 * 3600, range: 0...year)
        guard maxFailuresPerAddress <= maxFailures else {
            throw ConfigurationError(
                variable: "PASSWORD_MAX_FAILURES_PER_ADDRESS", problem: "must not exceed PASSWORD_MAX_FAILURES")
        }
        guard baseLockSeconds <= maxLockSeconds else {
            throw ConfigurationError(
                variable: "PASSWORD_BASE_LOCK_SECONDS", problem: "must not exceed PASSWORD_MAX_LOCK_SECONDS")
        }
    }

    /// The wrong passwords in a row that lock `counter`.
    func limit(of counter: FailureCounter) -> Int {
        switch counter {
        case .account: maxFailures
        case .address: maxFailuresPerAddress
        }
    }

    /// How long the `number`th lock in a row lasts (1 is the first): the base lock doubled for each
    /// earlier one, at most the longest lock.
    func lockSeconds(number: Int) -> Int {
        var seconds = baseLockSeconds
        var doublings = max(0, number - 1)
        while doublings > 0 && seconds < maxLockSeconds {
            seconds *= 2
            doublings -= 1
        }
        return min(seconds, maxLockSeconds)
    }

    /// The lock the failure that reaches the limit imposes at `now`, after `earlierLocks` locks in a row
    /// of which the last ended at `lastLockEnd`: the next in the row when that ended within the window,
    /// else a first lock again.
    func nextLock(earlierLocks: Int, lastLockEnd: Date?, now: Date) -> PasswordLock {
        let continues =
            earlierLocks > 0 && lastLockEnd.map { now.timeIntervalSince($0) <= Double(windowSeconds) } ?? false
        let number = continues ? earlierLocks + 1 : 1
        return PasswordLock(number: number, seconds: lockSeconds(number: number))
    }
}

/// Who a count of wrong passwords belongs to: the account as a whole, or one client address trying it.
enum FailureCounter: Sendable, Equatable {
    case account
    case address(String)
}

/// A lock about to be imposed: its place in the row of locks and its length.
struct PasswordLock: Sendable, Equatable {
    let number: Int
    let seconds: Int
}
