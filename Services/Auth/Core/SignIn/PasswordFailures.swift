import Foundation
import Postgres

/// The counts of wrong login passwords in `auth.password_failures`, one for the account and one for
/// each client address trying it, and the locks they impose under `PasswordLockRules`.
///
/// A try first takes one allowed failure from each of its counts in one transaction, so concurrent
/// guesses cannot exceed a limit; the failure that reaches a limit imposes that count's lock at once
/// (a matching password then lifts it again with `clear`).
struct PasswordFailures: Sendable {
    let database: PostgresPool
    let rules: PasswordLockRules

    /// The `client_address` of the account's own count.
    static let accountKey = ""

    /// The counts a try from `clientAddress` takes from: the account's, and the address's when known.
    static func counters(clientAddress: String?) -> [FailureCounter] {
        guard let clientAddress, !clientAddress.isEmpty else { return [.account] }
        return [.account, .address(String(clientAddress.prefix(64)))]
    }

    static func key(of counter: FailureCounter) -> String {
        switch counter {
        case .account: accountKey
        case .address(let address): address
        }
    }

    /// Takes one failure from each of `counters` of `account`, or answers the longest lock in force
    /// (in seconds) when one of them is locked, taking nothing. Rows are taken in the order of
    /// `counters`, the account's first, so two tries never wait on each other crosswise.
    func reserve(account: Int64, counters: [FailureCounter]) async throws -> FailureReservation {
        let rules = self.rules
        let outcome: Result<Int?, LockInForce> = try await database.transaction(refusing: LockInForce.self) {
            transaction in
            var counts: [(counter: FailureCounter, row: PostgresRow)] = []
            var longest = 0
            for counter in counters {
                let rows = try await transaction.query(
                    """
                    INSERT INTO auth.password_failures AS f (account_id, client_address)
                    VALUES (\(account), \(Self.key(of: counter)))
                    ON CONFLICT (account_id, client_address) DO UPDATE SET updated_at = now()
                    RETURNING f.failures, f.locks, f.locked_until, now() AS now,
                              GREATEST(0, ceil(extract(epoch FROM f.locked_until - now())))::bigint AS remaining
                    """)
                guard let row = rows.first else { continue }
                longest = max(longest, Int(try row.decode("remaining", as: Int64?.self) ?? 0))
                counts.append((counter, row))
            }
            if longest > 0 { return .failure(LockInForce(seconds: longest)) }
            var imposed: Int?
            for (counter, row) in counts {
                let key = Self.key(of: counter)
                let failures = try row.decode("failures", as: Int.self) + 1
                guard failures >= rules.limit(of: counter) else {
                    try await transaction.execute(
                        """
                        UPDATE auth.password_failures SET failures = \(failures)
                         WHERE account_id = \(account) AND client_address = \(key)
                        """)
                    continue
                }
                let lock = rules.nextLock(
                    earlierLocks: try row.decode("locks", as: Int.self),
                    lastLockEnd: try row.decode("locked_until", as: Date?.self),
                    now: try row.decode("now", as: Date.self))
                try await transaction.execute(
                    """
                    UPDATE auth.password_failures
                       SET failures = 0, locks = \(lock.number),
                           locked_until = now() + make_interval(secs => \(lock.seconds))
                     WHERE account_id = \(account) AND client_address = \(key)
                    """)
                imposed = max(imposed ?? 0, lock.seconds)
            }
            return .success(imposed)
        }
        switch outcome {
        case .success(let imposed): return .reserved(imposedLockSeconds: imposed)
        case .failure(let lock): return .refused(seconds: lock.seconds)
        }
    }

    /// Forgets the counts of `counters` of `account` after a matching password, with any lock the
    /// matching try imposed and the row of locks. One row per statement, so this never holds one row
    /// while waiting for another that a reservation holds.
    func clear(account: Int64, counters: [FailureCounter]) async throws {
        for counter in counters.reversed() {
            try await database.execute(
                """
                DELETE FROM auth.password_failures
                 WHERE account_id = \(account) AND client_address = \(Self.key(of: counter))
                """)
        }
    }

    /// Forgets every count and lock of `account` (a new password), as part of `queryable`'s work.
    static func clearAll(account: Int64, on queryable: some PostgresQueryable) async throws {
        try await queryable.execute("DELETE FROM auth.password_failures WHERE account_id = \(account)")
    }
}

/// What taking a failure before a password check came to.
enum FailureReservation: Sendable, Equatable {
    /// Taken; `imposedLockSeconds` is the longest lock this try imposed by reaching a limit, which
    /// stands when the password turns out wrong.
    case reserved(imposedLockSeconds: Int?)
    /// A count is locked for `seconds` more; nothing was taken.
    case refused(seconds: Int)
}

/// A lock in force on one of a try's counts, `seconds` more; rolls the reservation back.
private struct LockInForce: Error {
    let seconds: Int
}
