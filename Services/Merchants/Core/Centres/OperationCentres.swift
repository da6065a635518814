import Postgres

/// Operations centres in `merchants.operation_centres`.
struct OperationCentres: Sendable {
    let database: PostgresPool

    /// The centre of merchant `merchantID` and the merchant's name, whatever the merchant's state; nil
    /// for an unknown merchant.
    func of(merchant merchantID: Int64) async throws -> (centre: OperationCentre, merchantName: String)? {
        guard
            let row = try await database.query(
                """
                SELECT o.id, o.name, o.app_id, m.name AS merchant_name FROM merchants.merchants m
                  JOIN merchants.operation_centres o ON o.id = m.oper_id
                 WHERE m.id = \(merchantID)
                """
            ).first
        else { return nil }
        return (try OperationCentre(row: row), try row.decode("merchant_name"))
    }
}
