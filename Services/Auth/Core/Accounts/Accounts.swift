import Crypto
import Postgres
import ServiceKit

/// Accounts in `auth.accounts`: lookup, creation, and password checks that lock the account after
/// repeated failures. Password hashing runs on `BlockingWork`, never on request threads.
struct Accounts: Sendable {
    let database: PostgresPool
    let lockRules: PasswordLockRules
    var hasher = PasswordHasher()

    func find(mobile: String) async throws -> AccountRecord? {
        let rows = try await database.query(
            "SELECT \(unsafeSQL: AccountRecord.columns) FROM auth.accounts WHERE mobile = \(mobile)")
        return try rows.first.map(AccountRecord.init(row:))
    }

    func find(id: Int64) async throws -> AccountRecord? {
        let rows = try await database.query(
            "SELECT \(unsafeSQL: AccountRecord.columns) FROM auth.accounts WHERE id = \(id)")
        return try rows.first.map(AccountRecord.init(row:))
    }

    /// A new account for `mobile` as part of `queryable`'s work; nil when the mobile is taken.
    func create(
        mobile: String, passwordHash: String?, on queryable: some PostgresQueryable
    ) async throws -> AccountRecord? {
        let rows = try await queryable.query(
            """
            INSERT INTO auth.accounts (mobile, open_id, password_hash, password_changed_at)
            VALUES (\(mobile), \(SecureRandom.token(bytes: 16)), \(passwordHash),
                    CASE WHEN \(passwordHash)::text IS NULL THEN NULL ELSE now() END)
            ON CONFLICT (mobile) DO NOTHING
            RETURNING \(unsafeSQL: AccountRecord.columns)
            """)
        return try rows.first.map(AccountRecord.init(row:))
    }

    /// The slow salted hash of a new password.
    func hash(_ password: String) async throws -> String {
        let hasher = self.hasher
        return try await BlockingWork.run { try hasher.hash(password) }
    }

    /// Replaces the password of `account` as part of `queryable`'s work and lifts any lock.
    func setPassword(account: Int64, hash: String, on queryable: some PostgresQueryable) async throws {
        try await queryable.execute(
            """
            UPDATE auth.accounts
               SET password_hash = \(hash), password_changed_at = now(),
                   failed_password_attempts = 0, locked_until = NULL
             WHERE id = \(account)
            """)
    }

    /// Checks `password` against the account's. Each try first takes one of the allowed failures
    /// in the database, so concurrent guesses cannot exceed the limit; a match gives them all back,
    /// the failure that reaches the limit locks the account for `lockSeconds` (default: the long lock).
    func checkPassword(account: Int64, password: String, lockSeconds: Int? = nil) async throws -> PasswordCheck {
        let rules = lockRules
        let lockLength = lockSeconds ?? rules.lockSeconds
        let reserved = try await database.query(
            """
            UPDATE auth.accounts
               SET failed_password_attempts =
                       CASE WHEN locked_until <= now() THEN 1 ELSE failed_password_attempts + 1 END,
                   locked_until = CASE WHEN locked_until <= now() THEN NULL ELSE locked_until END
             WHERE id = \(account)
               AND (locked_until <= now()
                    OR (locked_until IS NULL AND failed_password_attempts < \(rules.maxFailures)))
            RETURNING password_hash
            """)
        guard let row = reserved.first else { return .locked }
        let stored = try row.decode("password_hash", as: String?.self) ?? AdminAccounts.decoyHash
        let hasher = self.hasher
        let matches = try await BlockingWork.run { hasher.verify(password, against: stored) }
        if matches {
            try await database.execute(
                "UPDATE auth.accounts SET failed_password_attempts = 0, locked_until = NULL WHERE id = \(account)")
            return .matches
        }
        let locked = try await database.query(
            """
            UPDATE auth.accounts
               SET locked_until = now() + make_interval(secs => \(lockLength))
             WHERE id = \(account) AND locked_until IS NULL AND failed_password_attempts >= \(rules.maxFailures)
            RETURNING id
            """)
        return locked.isEmpty ? .wrong : .locked
    }
}
