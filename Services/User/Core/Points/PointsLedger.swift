import Postgres

/// Points in `users.wallets.points` with their ledger `users.points_ledger`, moved like money: one
/// statement changes the points, writes the ledger row and records the idempotency key.
struct PointsLedger: Sendable {
    let database: PostgresPool
    let profiles: Profiles

    func apply(_ movement: PointsMovement, key: String) async throws -> PointsOutcome {
        if movement.kind == .add { try await profiles.ensure(movement.account) }
        let rows: PostgresRows
        do {
            rows = try await database.query(
                """
                WITH moved AS (
                    UPDATE users.wallets SET points = points + \(movement.change), updated_at = now()
                     WHERE account_id = \(movement.account) AND points + \(movement.change) >= 0
                    RETURNING account_id, points
                ), entry AS (
                    INSERT INTO users.points_ledger (account_id, kind, change, points_after, reference, reason, actor)
                    SELECT account_id, \(movement.kind.rawValue), \(movement.change), points, \(movement.reference),
                           \(movement.reason), \(movement.actor)
                      FROM moved
                    RETURNING id, change, points_after
                ), claimed AS (
                    INSERT INTO users.idempotency_keys (key, operation, fingerprint, account_id, refusal,
                        points_entry_id)
                    SELECT \(key), \(movement.kind.operation), \(movement.fingerprint), \(movement.account),
                           CASE WHEN entry.id IS NULL THEN \(WalletRefusal.insufficientPoints.rawValue) END, entry.id
                      FROM (SELECT 1) AS one LEFT JOIN entry ON true
                    RETURNING key
                )
                SELECT entry.id, entry.change, entry.points_after, (SELECT count(*) FROM claimed) AS claimed
                  FROM (SELECT 1) AS one LEFT JOIN entry ON true
                """)
        } catch let error as PostgresError where error.isUniqueViolation && error.constraint == "idempotency_keys_pkey"
        {
            return try await replay(key: key, movement: movement)
        }
        guard let row = rows.first else { throw MovementNotRecorded(key: key) }
        guard let entry = try Self.entry(row) else { return .refused(.insufficientPoints, replayed: false) }
        return .applied(entry, replayed: false)
    }

    private func replay(key: String, movement: PointsMovement) async throws -> PointsOutcome {
        let rows = try await database.query(
            """
            SELECT k.operation, k.fingerprint, k.refusal, e.id, e.change, e.points_after
              FROM users.idempotency_keys k LEFT JOIN users.points_ledger e ON e.id = k.points_entry_id
             WHERE k.key = \(key)
            """)
        guard let row = rows.first else { throw MovementNotRecorded(key: key) }
        guard try row.decode("operation", as: String.self) == movement.kind.operation,
            try row.decode("fingerprint", as: String.self) == movement.fingerprint
        else { return .refused(.keyReused, replayed: true) }
        if let refusal = try row.decode("refusal", as: String?.self) {
            return .refused(WalletRefusal(rawValue: refusal) ?? .insufficientPoints, replayed: true)
        }
        guard let entry = try Self.entry(row) else { throw MovementNotRecorded(key: key) }
        return .applied(entry, replayed: true)
    }

    private static func entry(_ row: PostgresRow) throws -> PointsEntry? {
        guard let id = try row.decode("id", as: Int64?.self) else { return nil }
        return PointsEntry(
            id: id, change: try row.decode("change", as: Int64.self),
            pointsAfter: try row.decode("points_after", as: Int64.self))
    }
}
