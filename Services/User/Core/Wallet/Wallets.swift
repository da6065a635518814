import Postgres

/// A wallet's balances (fen) and points.
struct WalletBalances: Sendable, Equatable {
    let balance: Int64
    let frozen: Int64
    let points: Int64
}

/// Wallet movements in `users.wallets` and `users.wallet_ledger`. Each movement is one SQL statement,
/// so one transaction: it changes the wallet only if the result stays at or above zero, writes the
/// ledger row from the new balances, and records the idempotency key with the outcome. A key used
/// before makes the statement fail on the key's primary key, which undoes all of it; the first
/// outcome is then read back and answered again.
struct Wallets: Sendable {
    let database: PostgresPool
    let profiles: Profiles

    /// Applies `movement` once for `key`.
    func apply(_ movement: WalletMovement, key: String) async throws -> MovementOutcome {
        if movement.balanceChange > 0 { try await profiles.ensure(movement.account) }
        let change = (balance: movement.balanceChange, frozen: movement.frozenChange)
        let rows: PostgresRows
        do {
            rows = try await database.query(
                """
                WITH moved AS (
                    UPDATE users.wallets
                       SET balance = balance + \(change.balance), frozen = frozen + \(change.frozen), updated_at = now()
                     WHERE account_id = \(movement.account)
                       AND balance + \(change.balance) >= 0 AND frozen + \(change.frozen) >= 0
                    RETURNING account_id, balance, frozen
                ), entry AS (
                    INSERT INTO users.wallet_ledger (account_id, kind, balance_change, frozen_change, balance_after,
                        frozen_after, reference, reason, actor)
                    SELECT account_id, \(movement.kind.rawValue), \(change.balance), \(change.frozen), balance, frozen,
                           \(movement.reference), \(movement.reason), \(movement.actor)
                      FROM moved
                    RETURNING \(unsafeSQL: LedgerEntry.columns)
                ), claimed AS (
                    INSERT INTO users.idempotency_keys (key, operation, fingerprint, account_id, refusal,
                        wallet_entry_id)
                    SELECT \(key), \(movement.kind.operation), \(movement.fingerprint), \(movement.account),
                           CASE WHEN entry.id IS NULL THEN \(movement.shortfall.rawValue) END, entry.id
                      FROM (SELECT 1) AS one LEFT JOIN entry ON true
                    RETURNING key
                )
                SELECT entry.*, (SELECT count(*) FROM claimed) AS claimed
                  FROM (SELECT 1) AS one LEFT JOIN entry ON true
                """)
        } catch let error as PostgresError where error.isUniqueViolation && error.constraint == "idempotency_keys_pkey"
        {
            return try await replay(key: key, operation: movement.kind.operation, fingerprint: movement.fingerprint)
        }
        guard let row = rows.first else { throw MovementNotRecorded(key: key) }
        if try row.decode("id", as: Int64?.self) == nil { return .refused(movement.shortfall, replayed: false) }
        return .applied(try LedgerEntry(row: row), replayed: false)
    }

    /// The first outcome of `key`, when it was used for the same operation and parameters.
    func replay(key: String, operation: String, fingerprint: String) async throws -> MovementOutcome {
        let rows = try await database.query(
            """
            SELECT k.operation, k.fingerprint, k.refusal, k.wallet_entry_id, k.points_entry_id
              FROM users.idempotency_keys k WHERE k.key = \(key)
            """)
        guard let row = rows.first else { throw MovementNotRecorded(key: key) }
        guard try row.decode("operation", as: String.self) == operation,
            try row.decode("fingerprint", as: String.self) == fingerprint
        else { return .refused(.keyReused, replayed: true) }
        if let refusal = try row.decode("refusal", as: String?.self) {
            return .refused(WalletRefusal(rawValue: refusal) ?? .insufficientBalance, replayed: true)
        }
        if let entryID = try row.decode("wallet_entry_id", as: Int64?.self) {
            let entries = try await database.query(
                "SELECT \(unsafeSQL: LedgerEntry.columns) FROM users.wallet_ledger WHERE id = \(entryID)")
            guard let entry = entries.first else { throw MovementNotRecorded(key: key) }
            return .applied(try LedgerEntry(row: entry), replayed: true)
        }
        throw MovementNotRecorded(key: key)
    }

    /// The balances of `account` (zero for an account that never used the service).
    func balances(of account: Int64) async throws -> WalletBalances {
        let rows = try await database.query(
            "SELECT balance, frozen, points FROM users.wallets WHERE account_id = \(account)")
        guard let row = rows.first else { return WalletBalances(balance: 0, frozen: 0, points: 0) }
        return WalletBalances(
            balance: try row.decode("balance", as: Int64.self), frozen: try row.decode("frozen", as: Int64.self),
            points: try row.decode("points", as: Int64.self))
    }

    /// The newest ledger entries of `account`, before entry `beforeID` when given.
    func ledger(of account: Int64, limit: Int, beforeID: Int64?) async throws -> [LedgerEntry] {
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: LedgerEntry.columns) FROM users.wallet_ledger
             WHERE account_id = \(account) AND (\(beforeID)::bigint IS NULL OR id < \(beforeID))
             ORDER BY id DESC LIMIT \(limit)
            """)
        return try rows.map(LedgerEntry.init(row:))
    }
}

/// A movement statement or a used key left no trace where one must be: the database is not as
/// this service wrote it.
struct MovementNotRecorded: Error, Sendable, CustomStringConvertible {
    let key: String
    var description: String { "the movement for idempotency key \(key) has no recorded outcome" }
}
