import Crypto
import Postgres
import ServiceKit

/// What a pay password given for an account turned out to be.
enum PayPasswordCheck: Sendable, Equatable {
    case matches
    case wrong
    /// Too many wrong pay passwords: the pay password is locked for a while.
    case locked
    /// The account has no pay password yet.
    case notSet
}

/// Pay passwords in `auth.accounts`, apart from the login password: their own salted slow hash,
/// their own count of wrong tries and their own simpler lock: `PasswordLockRules.maxFailuresPerAddress`
/// wrong pay passwords in a row (from anywhere) lock the pay password for the base lock, which does
/// not grow.
struct PayPasswords: Sendable {
    let database: PostgresPool
    let lockRules: PasswordLockRules
    var hasher = PasswordHasher()

    func isSet(account: Int64) async throws -> Bool {
        let rows = try await database.query(
            "SELECT pay_password_hash IS NOT NULL AS set FROM auth.accounts WHERE id = \(account)")
        return try rows.first?.decode("set", as: Bool.self) ?? false
    }

    /// Sets the pay password of `account` as part of `queryable`'s work and lifts its lock.
    func set(account: Int64, password: String, on queryable: some PostgresQueryable) async throws {
        let hasher = self.hasher
        let hash = try await BlockingWork.run { try hasher.hash(password) }
        try await queryable.execute(
            """
            UPDATE auth.accounts
               SET pay_password_hash = \(hash), failed_pay_password_attempts = 0, pay_locked_until = NULL
             WHERE id = \(account)
            """)
    }

    /// Checks `password` against the pay password of `account`; each try first takes one of the
    /// allowed failures in the database, so concurrent guesses cannot exceed the limit.
    func check(account: Int64, password: String) async throws -> PayPasswordCheck {
        let rules = lockRules
        let reserved = try await database.query(
            """
            UPDATE auth.accounts
               SET failed_pay_password_attempts =
                       CASE WHEN pay_locked_until <= now() THEN 1 ELSE failed_pay_password_attempts + 1 END,
                   pay_locked_until = CASE WHEN pay_locked_until <= now() THEN NULL ELSE pay_locked_until END
             WHERE id = \(account) AND pay_password_hash IS NOT NULL
               AND (pay_locked_until <= now()
                    OR (pay_locked_until IS NULL AND failed_pay_password_attempts < \(rules.maxFailuresPerAddress)))
            RETURNING pay_password_hash
            """)
        guard let row = reserved.first else {
            return try await isSet(account: account) ? .locked : .notSet
        }
        let stored = try row.decode("pay_password_hash", as: String.self)
        let hasher = self.hasher
        if try await BlockingWork.run({ hasher.verify(password, against: stored) }) {
            try await database.execute(
                """
                UPDATE auth.accounts SET failed_pay_password_attempts = 0, pay_locked_until = NULL
                 WHERE id = \(account)
                """)
            return .matches
        }
        let locked = try await database.query(
            """
            UPDATE auth.accounts
               SET pay_locked_until = now() + make_interval(secs => \(rules.baseLockSeconds))
             WHERE id = \(account) AND pay_locked_until IS NULL
               AND failed_pay_password_attempts >= \(rules.maxFailuresPerAddress)
            RETURNING id
            """)
        return locked.isEmpty ? .wrong : .locked
    }
}
