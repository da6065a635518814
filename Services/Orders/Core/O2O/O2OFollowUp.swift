import Foundation
import Mesh
import Postgres
import ServiceKit

/// What follows an O2O order's changes outside this service, each step once per idempotency key and
/// marked done on the order, so the sweep (`run`) finishes whatever a crash or an unreachable service
/// interrupted: stock reserved (`o2o-reserve-<order>`), committed when paid (`o2o-commit-<order>`),
/// released when the unpaid order closes (`o2o-release-<order>`), units given back per refund
/// (`o2o-return-<refund>`), and the codes' text message (`o2o-codes-<order>`). A payment that arrives
/// for an order cancelled meanwhile is refunded in full (`unwanted-<trade>`).
struct O2OFollowUp: Sendable {
    /// How old an order without a reservation must be before the sweep takes it for abandoned.
    static let abandonedAfterSeconds = 120
    /// The most codes one text message lists; more are only counted.
    static let codesPerMessage = 10

    let orders: O2OOrderBook
    let book: TradeBook
    let ledger: RefundLedger
    let mesh: MeshClient
    let logger: Logger

    /// Reserves the order's units, once for the order.
    func reserve(_ order: O2OOrderRecord) async -> MeshOutcome<StockReservation> {
        await mesh.call(
            StockReserve.self,
            StockReserve.Request(productID: order.productID, quantity: order.buyNumber, orderRef: order.orderNo),
            idempotencyKey: "o2o-reserve-\(order.orderNo)")
    }

    /// Hands a settled payment of the trade `tradeNo` to its order: the order is paid and its codes
    /// issued, then its stock committed and the codes sent. Answers false while the order cannot be found
    /// (the payment stays in the outbox).
    func handOver(tradeNo: String, amount: Int64) async throws -> Bool {
        guard let order = try await orders.find(tradeNo: tradeNo) else { return false }
        switch try await orders.apply(
            .paid(units: Int(order.buyNumber)), toOrder: order.id, actor: "payment", ledger: ledger)
        {
        case .success: break
        case .failure:
            if let now = try await orders.find(id: order.id), now.status == .cancelled || now.status == .closed {
                _ = try await ledger.ask(
                    tradeNo: tradeNo, refundNo: "unwanted-\(tradeNo)", amount: amount,
                    reason: "the order was closed before its payment arrived")
            }
        }
        await finish(order.id)
        return true
    }

    /// Closes the unpaid order of the trade `tradeNo`, which closed by itself, and releases its stock.
    func tradeClosed(_ tradeNo: String) async throws {
        guard let order = try await orders.find(tradeNo: tradeNo), order.status == .unpaid else { return }
        _ = try await orders.apply(.tradeClosed, toOrder: order.id, actor: "payment timeout", ledger: ledger)
        await finish(order.id)
    }

    /// Finishes the outside steps of up to `limit` orders and refunds that still have some, and closes the
    /// unpaid orders whose trade was closed without their knowing (by an operator, or a crash in between).
    func run(limit: Int) async throws {
        let pending = try await orders.database.query(
            """
            SELECT id FROM orders.o2o_orders
             WHERE ((status IN (4, 6, 7) AND (stock_committed_at IS NULL OR codes_sent_at IS NULL))
                OR (status IN (2, 3) AND stock_released_at IS NULL)
                OR (status = 1 AND reservation_id IS NULL))
             ORDER BY id LIMIT \(limit)
            """)
        for row in pending {
            await finish(try row.decode("id"))
        }
        let closedTrades = try await orders.database.query(
            """
            SELECT t.trade_no FROM orders.o2o_orders o JOIN orders.trades t ON t.trade_no = o.trade_no
             WHERE o.status = 1 AND t.state = 'closed' ORDER BY o.id LIMIT \(limit)
            """)
        for row in closedTrades {
            try await tradeClosed(try row.decode("trade_no"))
        }
        let returns = try await orders.database.query(
            "SELECT refund_no FROM orders.o2o_refunds WHERE stock_returned_at IS NULL ORDER BY id LIMIT \(limit)")
        for row in returns {
            await returnStock(try row.decode("refund_no"))
        }
    }

    /// Gives back the stock of the units the refund `refundNo` refunded.
    func returnStock(_ refundNo: String) async {
        do {
            let rows = try await orders.database.query(
                """
                SELECT r.codes, o.reservation_id FROM orders.o2o_refunds r JOIN orders.o2o_orders o ON o.id = r.order_id
                 WHERE r.refund_no = \(refundNo) AND r.stock_returned_at IS NULL
                """)
            guard let row = rows.first, let reservation = try row.decode("reservation_id", as: Int64?.self) else {
                return
            }
            let release = ReservationMovementRequest(
                reservationID: reservation, reason: "团购券退款", quantity: try row.decode("codes"))
            guard try await moved(StockRelease.self, release, key: "o2o-return-\(refundNo)") else { return }
            try await orders.database.execute(
                "UPDATE orders.o2o_refunds SET stock_returned_at = now() WHERE refund_no = \(refundNo)")
        } catch {
            logger.warning(
                "refunded units not given back yet", [("refund", .string(refundNo)), ("error", .string("\(error)"))])
        }
    }

    /// Makes the outside steps the order `id` still lacks; whatever fails is left for the next sweep.
    func finish(_ id: Int64) async {
        do {
            guard var order = try await orders.find(id: id) else { return }
            if order.status == .unpaid {
                guard order.reservationID == nil,
                    Date().timeIntervalSince(order.createdAt) > Double(Self.abandonedAfterSeconds)
                else { return }
                guard try await abandon(order) else { return }
                guard let closed = try await orders.find(id: id) else { return }
                order = closed
            }
            let marks = try await orders.database.query(
                """
                SELECT stock_committed_at IS NOT NULL AS committed, stock_released_at IS NOT NULL AS released,
                       codes_sent_at IS NOT NULL AS sent
                  FROM orders.o2o_orders WHERE id = \(id)
                """)
            guard let marked = marks.first, let reservation = order.reservationID else { return }
            switch order.status {
            case .paid, .refunded, .completed:
                if try !marked.decode("committed", as: Bool.self),
                    try await moved(
                        StockCommit.self, ReservationMovementRequest(reservationID: reservation),
                        key: "o2o-commit-\(order.orderNo)")
                {
                    try await mark("stock_committed_at", id)
                }
                if try !marked.decode("sent", as: Bool.self), try await sendCodes(order) {
                    try await mark("codes_sent_at", id)
                }
            case .cancelled, .closed:
                if try !marked.decode("released", as: Bool.self),
                    try await moved(
                        StockRelease.self, ReservationMovementRequest(reservationID: reservation, reason: "订单关闭"),
                        key: "o2o-release-\(order.orderNo)")
                {
                    try await mark("stock_released_at", id)
                }
            case .unpaid:
                return
            }
        } catch {
            logger.warning(
                "O2O order follow-up not finished", [("order", .int(Int(id))), ("error", .string("\(error)"))])
        }
    }

    /// An order whose reservation was never recorded (its buy was interrupted): the reservation, if it was
    /// made, is found again under the same key and recorded, and the order is cancelled.
    private func abandon(_ order: O2OOrderRecord) async throws -> Bool {
        switch await reserve(order) {
        case .ok(let reservation):
            try await orders.attach(reservation: reservation.reservationID, sceneID: order.sceneID, toOrder: order.id)
            _ = try await orders.apply(.cancelled, toOrder: order.id, actor: "abandoned", ledger: ledger)
            try await book.close(order.tradeNo)
            return true
        case .refused:
            try await orders.discard(order.id)
            try await book.close(order.tradeNo)
            return false
        case .failed:
            return false
        }
    }

    private func sendCodes(_ order: O2OOrderRecord) async throws -> Bool {
        let codes = order.codes.map(\.code)
        let listed =
            codes.count <= Self.codesPerMessage
            ? "核销码：\(codes.joined(separator: "、"))" : "共 \(codes.count) 张券，核销码请在小程序订单详情中查看"
        let text = "您购买的「\(order.goodsName.prefix(40))」×\(order.buyNumber) 已支付成功，\(listed)，请到店出示使用。"
        let notice = SMSNotify.Request(mobile: order.notifyMobile, text: String(text.prefix(SMSNotify.maximumLength)))
        switch await mesh.call(SMSNotify.self, notice, idempotencyKey: "o2o-codes-\(order.orderNo)") {
        case .ok: return true
        case .refused(let refusal):
            logger.warning(
                "codes not sent", [("order", .string(order.orderNo)), ("kind", .string(refusal.kind.rawValue))])
            return false
        case .failed(let error):
            logger.warning("codes not sent yet", [("order", .string(order.orderNo)), ("error", .string(error.detail))])
            return false
        }
    }

    private func moved<C: MeshContract>(
        _ contract: C.Type, _ request: C.Request, key: String
    ) async throws -> Bool where C.Reply == StockReservation {
        switch await mesh.call(contract, request, idempotencyKey: key) {
        case .ok: return true
        case .refused(let refusal):
            logger.warning(
                "stock movement refused",
                [
                    ("key", .string(key)), ("kind", .string(refusal.kind.rawValue)),
                    ("message", .string(refusal.message)),
                ])
            return false
        case .failed(let error):
            logger.warning("stock movement not made yet", [("key", .string(key)), ("error", .string(error.detail))])
            return false
        }
    }

    private func mark(_ column: String, _ id: Int64) async throws {
        try await orders.database.execute(
            "UPDATE orders.o2o_orders SET \(unsafeSQL: column) = now() WHERE id = \(id) AND \(unsafeSQL: column) IS NULL"
        )
    }
}
