import Foundation
import Mesh
import ServiceKit
import Testing

@testable import AuthService

/// The lock rule as a value: the limits, the growing lock and its window, the configuration with its
/// older names, and the words each dialect gives the lock in force.
struct PasswordLockRulesTests {
    static func rules(_ values: [String: String] = [:]) throws -> PasswordLockRules {
        try PasswordLockRules(environment: Environment(prefix: "AUTH", values: values))
    }

    @Test func defaultsLockAnAddressBeforeTheAccount() throws {
        let rules = try Self.rules()
        #expect(rules.limit(of: .address("192.0.2.7")) == 5)
        #expect(rules.limit(of: .account) == 20)
        #expect(rules.baseLockSeconds == 900)
        #expect(rules.maxLockSeconds == 86400)
        #expect(rules.windowSeconds == 86400)
    }

    @Test func eachFurtherLockDoublesUpToTheCap() throws {
        let rules = try Self.rules()
        let lengths = (1...9).map { rules.lockSeconds(number: $0) }
        #expect(lengths == [900, 1800, 3600, 7200, 14400, 28800, 57600, 86400, 86400])
        #expect(rules.lockSeconds(number: 0) == 900)
        #expect(rules.lockSeconds(number: Int.max) == 86400)
    }

    @Test func aLockContinuesTheRowOnlyWithinTheWindow() throws {
        let rules = try Self.rules()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(rules.nextLock(earlierLocks: 0, lastLockEnd: nil, now: now) == PasswordLock(number: 1, seconds: 900))
        let recent = now.addingTimeInterval(-3600)
        #expect(
            rules.nextLock(earlierLocks: 1, lastLockEnd: recent, now: now) == PasswordLock(number: 2, seconds: 1800))
        #expect(
            rules.nextLock(earlierLocks: 3, lastLockEnd: recent, now: now) == PasswordLock(number: 4, seconds: 7200))
        let longAgo = now.addingTimeInterval(-86401)
        #expect(
            rules.nextLock(earlierLocks: 3, lastLockEnd: longAgo, now: now) == PasswordLock(number: 1, seconds: 900))
    }

    @Test func configurationNamesAndOlderNames() throws {
        let configured = try Self.rules([
            "PASSWORD_MAX_FAILURES": "9", "AUTH_PASSWORD_MAX_FAILURES_PER_ADDRESS": "3",
            "PASSWORD_BASE_LOCK_SECONDS": "2", "PASSWORD_MAX_LOCK_SECONDS": "5", "PASSWORD_LOCK_WINDOW_SECONDS": "60",
        ])
        #expect(configured.limit(of: .account) == 9 && configured.limit(of: .address("a")) == 3)
        #expect((1...4).map { configured.lockSeconds(number: $0) } == [2, 4, 5, 5])
        #expect(configured.windowSeconds == 60)
        let older = try Self.rules(["PASSWORD_SHORT_LOCK_SECONDS": "600", "PASSWORD_LOCK_SECONDS": "7200"])
        #expect(older.baseLockSeconds == 600 && older.maxLockSeconds == 7200)
        #expect(throws: ConfigurationError.self) {
            try Self.rules(["PASSWORD_MAX_FAILURES": "3", "PASSWORD_MAX_FAILURES_PER_ADDRESS": "4"])
        }
        #expect(throws: ConfigurationError.self) {
            try Self.rules(["PASSWORD_BASE_LOCK_SECONDS": "100", "PASSWORD_MAX_LOCK_SECONDS": "50"])
        }
    }

    @Test func lockWordsRoundUpInMinutesThenHours() {
        #expect(LockDuration.words(seconds: 1) == "1分钟")
        #expect(LockDuration.words(seconds: 900) == "15分钟")
        #expect(LockDuration.words(seconds: 1799) == "30分钟")
        #expect(LockDuration.words(seconds: 3540) == "59分钟")
        #expect(LockDuration.words(seconds: 3541) == "1小时")
        #expect(LockDuration.words(seconds: 5400) == "1小时30分钟")
        #expect(LockDuration.words(seconds: 86400) == "24小时")
    }

    @Test func eachDialectWordsTheLockInForce() {
        let locked = SignInRefusal.locked(seconds: 1800)
        #expect(locked.reply(in: .yaf) == .failure(.accountLocked, "密码错误次数过多，请30分钟后再试"))
        #expect(locked.reply(in: .mobile) == .failure(.accountLocked, "密码错误次数过多，请30分钟后再试"))
        #expect(locked.reply(in: .c2c) == .failure(.accountLocked, "错误次数过多，请30分钟以后再试"))
        #expect(SignInRefusal.unknownAccount.reply(in: .mobile).message == "用户名或密码错误")
        #expect(SignInRefusal.unknownAccount.reply(in: .yaf) == .failure(.accountNotFound, "账号未注册"))
        #expect(SignInRefusal.wrongPassword.reply(in: .c2c) == .failure(.wrongPassword))
    }
}
