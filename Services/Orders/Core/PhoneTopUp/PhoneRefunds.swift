import Postgres
import ServiceKit

/// Gives failed orders' debits back, exactly once each: a failed order's row is claimed with
/// `FOR UPDATE SKIP LOCKED` (so two replicas, or the sweep and a member's query, never work on one
/// order together), the wallet is credited under the key `phone-refund-<order number>` (so a retry after
/// a crash or a lost answer credits nothing twice), and the order moves to `refunded` in the same
/// transaction that held the row.
struct PhoneRefunds: Sendable {
    let database: PostgresPool
    let wallet: PhoneWallet
    let logger: Logger

    /// Refunds up to `limit` failed orders (only `orderNo` when given); answers how many were refunded.
    @discardableResult
    func run(limit: Int, only orderNo: String? = nil) async throws -> Int {
        try await database.transaction { transaction in
            let rows = try await transaction.query(
                """
                SELECT \(unsafeSQL: PhoneTopUpRecord.columns) FROM orders.phone_topups
                 WHERE state = 'failed' AND (\(orderNo)::text IS NULL OR order_no = \(orderNo))
                 ORDER BY failed_at, id LIMIT \(limit)
                   FOR UPDATE SKIP LOCKED
                """)
            var refunded = 0
            for row in rows {
                let order = try PhoneTopUpRecord(row: row)
                guard case .success(let decision) = order.state.apply(.refunded, thirdNo: order.thirdNo),
                    decision.changes
                else { continue }
                switch await wallet.refund(order) {
                case .moved:
                    _ = try await PhoneTopUps.store(decision.next, .refunded, of: order, on: transaction)
                    logger.info(
                        "phone top-up refunded",
                        [("order", .string(order.orderNo)), ("amount", .int(Int(order.sellPrice)))])
                    refunded += 1
                case .refused(let reply):
                    logger.error(
                        "wallet refused a phone top-up refund",
                        [("order", .string(order.orderNo)), ("kind", .string(reply.kind.rawValue))])
                case .unknown(let error):
                    logger.warning(
                        "phone top-up refund deferred",
                        [("order", .string(order.orderNo)), ("error", .string(error.detail))])
                }
            }
            return refunded
        }
    }
}
