import Mesh
import Postgres
import ServiceKit

/// Hands settled payments to the business they pay, after the payment's own transaction, from the
/// outbox of `orders.trade_payments` (settled, not yet handed over). A recharge credits the owner's
/// wallet on the user service with `trade-<trade number>` as the idempotency key, so a retry after a
/// crash or a lost answer never credits twice; that key, not a lock, is what makes concurrent hand-overs
/// of one payment harmless, so no transaction is held open across the wallet call. A train order moves
/// from `wait_pay` to `wait_rob` (an order cancelled meanwhile has the payment refunded in full); an O2O
/// order is paid and gets its codes (`O2OFollowUp`). Payments of businesses whose hand-over this service
/// does not make yet stay in the outbox.
struct PaymentHandOver: Sendable {
    /// The businesses handed over here.
    static let handled: [TradeBusiness] = [.recharge, .train, .o2o]

    let database: PostgresPool
    let mesh: MeshClient
    let logger: Logger

    private var trainOrders: TrainOrderBook { TrainOrderBook(database: database) }
    private var ledger: RefundLedger { RefundLedger(database: database) }
    private var o2o: O2OFollowUp {
        O2OFollowUp(
            orders: O2OOrderBook(database: database), book: TradeBook(database: database), ledger: ledger, mesh: mesh,
            logger: logger)
    }

    /// Hands over up to `limit` payments of the outbox, oldest first; answers how many were handed over.
    @discardableResult
    func run(limit: Int) async throws -> Int {
        let businesses = Self.handled.map(\.rawValue).joined(separator: ",")
        let rows = try await database.query(
            """
            SELECT p.id, p.amount, t.trade_no, t.account_id, t.business
              FROM orders.trade_payments p JOIN orders.trades t ON t.id = p.trade_id
             WHERE p.disposition = 'settled' AND p.handed_over_at IS NULL
               AND t.business = ANY (string_to_array(\(businesses), ','))
             ORDER BY p.id LIMIT \(limit)
            """)
        return try await handOver(rows)
    }

    /// Hands over the settled payment of `tradeNo` right after it was applied, without looking at the rest
    /// of the outbox (the sweep does that).
    @discardableResult
    func run(tradeNo: String) async throws -> Int {
        let businesses = Self.handled.map(\.rawValue).joined(separator: ",")
        let rows = try await database.query(
            """
            SELECT p.id, p.amount, t.trade_no, t.account_id, t.business
              FROM orders.trades t JOIN orders.trade_payments p ON p.trade_id = t.id
             WHERE t.trade_no = \(tradeNo) AND p.disposition = 'settled' AND p.handed_over_at IS NULL
               AND t.business = ANY (string_to_array(\(businesses), ','))
            """)
        return try await handOver(rows)
    }

    private func handOver(_ rows: PostgresRows) async throws -> Int {
        var handedOver = 0
        for row in rows {
            let tradeNo: String = try row.decode("trade_no")
            let paymentID: Int64 = try row.decode("id")
            let business: String = try row.decode("business")
            if business == TradeBusiness.train.rawValue {
                try await handOverTrain(tradeNo: tradeNo, amount: try row.decode("amount"))
                handedOver += try await markHandedOver(paymentID)
                continue
            }
            if business == TradeBusiness.o2o.rawValue {
                if try await o2o.handOver(tradeNo: tradeNo, amount: try row.decode("amount")) {
                    handedOver += try await markHandedOver(paymentID)
                }
                continue
            }
            let credit = WalletMovementRequest(
                accountID: try row.decode("account_id"), amount: try row.decode("amount"), reference: tradeNo,
                reason: "充值")
            switch await mesh.call(WalletCredit.self, credit, idempotencyKey: "trade-\(tradeNo)") {
            case .ok:
                handedOver += try await markHandedOver(paymentID)
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

    /// The paid train order waits for a merchant; one cancelled while its payment was on the way has the
    /// payment given back (under one refund number, however many hand-overs see it). An order already past
    /// `wait_pay` was handed over before (by a concurrent hand-over) and is left alone.
    private func handOverTrain(tradeNo: String, amount: Int64) async throws {
        guard let order = try await trainOrders.find(tradeNo: tradeNo) else { return }
        guard case .failure = try await trainOrders.apply(.paid, toOrder: order.id, actor: "payment") else { return }
        guard try await trainOrders.find(tradeNo: tradeNo)?.state == .cancel else { return }
        _ = try await ledger.ask(
            tradeNo: tradeNo, refundNo: "unwanted-\(tradeNo)", amount: amount,
            reason: "the order was cancelled before its payment arrived")
    }

    private func markHandedOver(_ paymentID: Int64) async throws -> Int {
        try await database.execute(
            "UPDATE orders.trade_payments SET handed_over_at = now() WHERE id = \(paymentID) AND handed_over_at IS NULL"
        )
    }
}
