import Mesh
import Postgres
import ServiceKit

/// Hands settled payments to the business they pay, after the payment's own transaction, from the
/// outbox of `orders.trade_payments` (settled, not yet handed over). A recharge credits the owner's
/// wallet on the user service with `trade-<trade number>` as the idempotency key, so a retry after a
/// crash or a lost answer never credits twice. Payments of businesses whose hand-over this service does
/// not make yet stay in the outbox. Rows are claimed with `FOR UPDATE SKIP LOCKED`, so replicas share
/// the work.
struct PaymentHandOver: Sendable {
    /// The businesses handed over here.
    static let handled: [TradeBusiness] = [.recharge]

    let database: PostgresPool
    let mesh: MeshClient
    let logger: Logger

    /// Hands over up to `limit` payments; answers how many were handed over.
    @discardableResult
    func run(limit: Int) async throws -> Int {
        let businesses = Self.handled.map(\.rawValue).joined(separator: ",")
        return try await database.transaction { transaction in
            let rows = try await transaction.query(
                """
                SELECT p.id, p.amount, t.trade_no, t.business, t.account_id
                  FROM orders.trade_payments p JOIN orders.trades t ON t.id = p.trade_id
                 WHERE p.disposition = 'settled' AND p.handed_over_at IS NULL
                   AND t.business = ANY (string_to_array(\(businesses), ','))
                 ORDER BY p.id LIMIT \(limit)
                   FOR UPDATE OF p SKIP LOCKED
                """)
            var handedOver = 0
            for row in rows {
                let tradeNo: String = try row.decode("trade_no")
                let credit = WalletMovementRequest(
                    accountID: try row.decode("account_id"), amount: try row.decode("amount"), reference: tradeNo,
                    reason: "充值")
                switch await mesh.call(WalletCredit.self, credit, idempotencyKey: "trade-\(tradeNo)") {
                case .ok:
                    try await transaction.execute(
                        "UPDATE orders.trade_payments SET handed_over_at = now() WHERE id = \(try row.decode("id", as: Int64.self))"
                    )
                    handedOver += 1
                case .refused(let refusal):
                    logger.warning(
                        "wallet refused a recharge",
                        [("trade", .string(tradeNo)), ("kind", .string(refusal.kind.rawValue))])
                case .failed(let error):
                    logger.warning(
                        "recharge not handed over yet", [("trade", .string(tradeNo)), ("error", .string(error.detail))])
                }
            }
            return handedOver
        }
    }
}
