import Postgres
import ServiceKit

/// Points in `users.wallets.points` with their ledger `users.points_ledger`, moved like money: one
/// transaction claims the idempotency key, changes the points and writes the ledger row in one
/// statement, and stores the outcome with the key.
struct PointsLedger: Sendable {
    let database: PostgresPool
    let profiles: Profiles
    let idempotency: IdempotencyStore

    func apply(_ movement: PointsMovement, key: String) async throws -> PointsOutcome {
        if movement.kind == .add { try await profiles.ensure(movement.account) }
        let outcome = try await database.transaction { transaction in
            try await idempotency.perform(key: key, fingerprint: movement.fingerprint, on: transaction) {
                transaction in StoredPointsMovement(try await move(movement, on: transaction))
            }
        }
        switch outcome {
        case .fresh(let stored): return stored.pointsOutcome(replayed: false)
        case .replayed(let stored): return stored.pointsOutcome(replayed: true)
        case .keyReused: return .refused(.keyReused, replayed: true)
        }
    }

    private func move(
        _ movement: PointsMovement, on transaction: PostgresTransaction
    ) async throws -> Result<PointsEntry, WalletRefusal> {
        let rows = try await transaction.query(
            """
            WITH moved AS (
                UPDATE users.wallets SET points = points + \(movement.change), updated_at = now()
                 WHERE account_id = \(movement.account) AND points + \(movement.change) >= 0
                RETURNING account_id, points
            )
            INSERT INTO users.points_ledger (account_id, kind, change, points_after, reference, reason, actor)
            SELECT account_id, \(movement.kind.rawValue), \(movement.change), points, \(movement.reference),
                   \(movement.reason), \(movement.actor)
              FROM moved
            RETURNING id, change, points_after
            """)
        guard let row = rows.first else { return .failure(.insufficientPoints) }
        return .success(
            PointsEntry(
                id: try row.decode("id", as: Int64.self), change: try row.decode("change", as: Int64.self),
                pointsAfter: try row.decode("points_after", as: Int64.self)))
    }
}
