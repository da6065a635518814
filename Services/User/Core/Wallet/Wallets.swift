import Postgres
import ServiceKit

/// A wallet's balances (fen) and points.
struct WalletBalances: Sendable, Equatable {
    let balance: Int64
    let frozen: Int64
    let points: Int64
}

/// Wallet movements in `users.wallets` and `users.wallet_ledger`. Each movement is one transaction:
/// the idempotency store claims its key, one statement changes the wallet only if the result stays at
/// or above zero and writes the ledger row from the new balances, and the outcome is stored with the
/// key. A key used before answers its first outcome without applying anything.
struct Wallets: Sendable {
    let database: PostgresPool
    let profiles: Profiles
    let idempotency: IdempotencyStore

    /// Applies `movement` once for `key`.
    func apply(_ movement: WalletMovement, key: String) async throws -> MovementOutcome {
        if movement.balanceChange > 0 { try await profiles.ensure(movement.account) }
        let outcome = try await database.transaction { transaction in
            try await idempotency.perform(key: key, fingerprint: movement.fingerprint, on: transaction) {
                transaction in StoredMovement(try await move(movement, on: transaction))
            }
        }
        switch outcome {
        case .fresh(let stored): return stored.movementOutcome(replayed: false)
        case .replayed(let stored): return stored.movementOutcome(replayed: true)
        case .keyReused: return .refused(.keyReused, replayed: true)
        }
    }

    /// Changes the wallet and writes the ledger row in one statement, or refuses when the wallet
    /// cannot take the movement.
    private func move(
        _ movement: WalletMovement, on transaction: PostgresTransaction
    ) async throws -> Result<AppliedMovement, WalletRefusal> {
        let change = (balance: movement.balanceChange, frozen: movement.frozenChange)
        let rows = try await transaction.query(
            """
            WITH moved AS (
                UPDATE users.wallets
                   SET balance = balance + \(change.balance), frozen = frozen + \(change.frozen), updated_at = now()
                 WHERE account_id = \(movement.account)
                   AND balance + \(change.balance) >= 0 AND frozen + \(change.frozen) >= 0
                RETURNING account_id, balance, frozen
            )
            INSERT INTO users.wallet_ledger (account_id, kind, balance_change, frozen_change, balance_after,
                frozen_after, reference, reason, actor)
            SELECT account_id, \(movement.kind.rawValue), \(change.balance), \(change.frozen), balance, frozen,
                   \(movement.reference), \(movement.reason), \(movement.actor)
              FROM moved
            RETURNING id, kind, balance_after, frozen_after
            """)
        guard let row = rows.first else { return .failure(movement.shortfall) }
        return .success(
            AppliedMovement(
                entryID: try row.decode("id", as: Int64.self), kind: try row.decode("kind", as: String.self),
                balance: try row.decode("balance_after", as: Int64.self),
                frozen: try row.decode("frozen_after", as: Int64.self)))
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
