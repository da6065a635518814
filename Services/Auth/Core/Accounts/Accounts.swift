import Crypto
import Postgres
import ServiceKit

/// Accounts in `auth.accounts`: lookup, creation, and password checks under the lock rules
/// (`PasswordFailures`). Password hashing runs on `BlockingWork`, never on request threads.
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
               SET password_hash = \(hash), password_changed_at = now()
             WHERE id = \(account)
            """)
        try await PasswordFailures.clearAll(account: account, on: queryable)
    }

    /// Checks `password` against the account's under the lock rules. The try counts against the
    /// account and against `clientAddress` trying it (when known, see `PasswordFailures`); a locked count
    /// refuses it before the password is looked at, the wrong try that reaches a limit locks that count.
    func checkPassword(account: Int64, password: String, clientAddress: String?) async throws -> PasswordCheck {
        let failures = PasswordFailures(database: database, rules: lockRules)
        let counters = PasswordFailures.counters(clientAddress: clientAddress)
        let imposed: Int?
        switch try await failures.reserve(account: account, counters: counters) {
        case .refused(let seconds): return .locked(seconds: seconds)
        case .reserved(let lock): imposed = lock
        }
        let rows = try await database.query("SELECT password_hash FROM auth.accounts WHERE id = \(account)")
        let stored = try rows.first?.decode("password_hash", as: String?.self) ?? AdminAccounts.decoyHash
        let hasher = self.hasher
        if try await BlockingWork.run({ hasher.verify(password, against: stored) }) {
            try await failures.clear(account: account, counters: counters)
            return .matches
        }
        return imposed.map { .locked(seconds: $0) } ?? .wrong
    }
}
