import Mesh
import Postgres
import ServiceKit

/// Confirms train orders (the customer's `confirmeOrder`, or the confirmation time running out) with the
/// merchant's benefit rate at that moment, and hands each settlement over after the confirmation's own
/// transaction: the merchant's share to its wallet (`wallet.credit` keyed `train-settle-<order number>`)
/// and the customer's difference back through the payment's provider (refund `difference-<order number>`).
/// Both keys make a retry harmless, so the outbox rows are worked without holding a transaction.
struct TrainSettler: Sendable {
    let orders: TrainOrderBook
    let ledger: RefundLedger
    let mesh: MeshClient
    let logger: Logger

    /// Why an order could not be confirmed.
    enum ConfirmRefusal: Error, Sendable, Equatable {
        case notConfirmable
        case merchantUnknown
    }

    /// Confirms order `order` for `actor`.
    func confirm(_ order: TrainOrderRecord, actor: String) async throws -> Result<TrainOrderRecord, ConfirmRefusal> {
        guard order.state == .waitConfirme, let merchant = order.merchantID else { return .failure(.notConfirmable) }
        let rate: Int64
        switch await mesh.call(ProfilesGet.self, AccountRequest(accountID: merchant)) {
        case .ok(let profile):
            guard let points = TrainSettlementTerms.basisPoints(profile.benefitRate) else {
                return .failure(.merchantUnknown)
            }
            rate = points
        case .refused: return .failure(.merchantUnknown)
        case .failed(let error): throw UpstreamFailure(contract: ProfilesGet.self, error: error)
        }
        switch try await orders.apply(.confirmed, toOrder: order.id, actor: actor, rateBasisPoints: rate) {
        case .success(let confirmed):
            try await settleOpen(limit: 10)
            return .success(confirmed.order)
        case .failure: return .failure(.notConfirmable)
        }
    }

    /// Confirms up to `limit` orders whose confirmation time ran out.
    func confirmOverdue(limit: Int) async throws {
        let rows = try await orders.database.query(
            """
            SELECT id FROM orders.train_orders
             WHERE status = 'wait_confirme' AND confirm_deadline <= now() ORDER BY confirm_deadline LIMIT \(limit)
            """)
        for row in rows {
            guard let order = try await orders.find(id: try row.decode("id", as: Int64.self)) else { continue }
            _ = try await confirm(order, actor: "confirmation time")
        }
    }

    /// Hands over up to `limit` settlements not yet handed over.
    func settleOpen(limit: Int) async throws {
        let rows = try await orders.database.query(
            """
            SELECT s.order_id, s.merchant_id, s.merchant_share, s.customer_difference, s.credited_at IS NULL AS to_credit,
                   s.refunded_at IS NULL AS to_refund, o.order_no, o.trade_no
              FROM orders.train_settlements s JOIN orders.train_orders o ON o.id = s.order_id
             WHERE s.credited_at IS NULL OR s.refunded_at IS NULL ORDER BY s.order_id LIMIT \(limit)
            """)
        for row in rows {
            let orderID: Int64 = try row.decode("order_id")
            let orderNo: String = try row.decode("order_no")
            if try row.decode("to_credit", as: Bool.self) {
                let share: Int64 = try row.decode("merchant_share")
                if try await credit(merchant: try row.decode("merchant_id"), share, orderNo: orderNo) {
                    try await orders.database.execute(
                        "UPDATE orders.train_settlements SET credited_at = now() WHERE order_id = \(orderID)")
                }
            }
            if try row.decode("to_refund", as: Bool.self) {
                let difference: Int64 = try row.decode("customer_difference")
                if difference > 0 {
                    let asked = try await ledger.ask(
                        tradeNo: try row.decode("trade_no"), refundNo: "difference-\(orderNo)", amount: difference,
                        reason: "车票实际金额低于订单金额，差额退回")
                    if case .failure(let refusal) = asked {
                        logger.warning(
                            "difference not refunded",
                            [("order", .string(orderNo)), ("reason", .string(refusal.description))])
                        continue
                    }
                }
                try await orders.database.execute(
                    "UPDATE orders.train_settlements SET refunded_at = now() WHERE order_id = \(orderID)")
            }
        }
    }

    private func credit(merchant: Int64, _ share: Int64, orderNo: String) async throws -> Bool {
        guard share > 0 else { return true }
        let request = WalletMovementRequest(accountID: merchant, amount: share, reference: orderNo, reason: "火车票订单结算")
        switch await mesh.call(WalletCredit.self, request, idempotencyKey: "train-settle-\(orderNo)") {
        case .ok: return true
        case .refused(let refusal):
            logger.warning(
                "merchant share refused", [("order", .string(orderNo)), ("kind", .string(refusal.kind.rawValue))])
            return false
        case .failed(let error):
            logger.warning(
                "merchant share not credited yet", [("order", .string(orderNo)), ("error", .string(error.detail))])
            return false
        }
    }
}
