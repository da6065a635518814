import Postgres

/// Operations centres in `merchants.operation_centres`.
struct OperationCentres: Sendable {
    let database: PostgresPool

    /// The centre of merchant `merchantID`, whatever the merchant's state; nil for an unknown merchant.
    func of(merchant merchantID: Int64) async throws -> OperationCentre? {
        try await database.query(
            """
            SELECT o.id, o.name, o.app_id FROM merchants.merchants m
              JOIN merchants.operation_centres o ON o.id = m.oper_id
             WHERE m.id = \(merchantID)
            """
        ).first.map(OperationCentre.init(row:))
    }
}
