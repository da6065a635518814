import Crypto
import Foundation
import Postgres
import ServiceKit

/// O2O voucher orders in `orders.o2o_orders`, their codes and refunds. Every change locks the order's
/// row, asks `O2OOrderState` and writes what it decided with a history row in one transaction, so two
/// devices redeeming one code, or a redemption and a refund at the same moment, never both win.
struct O2OOrderBook: Sendable {
    let database: PostgresPool

    /// A new 21-digit order number as the document writes them: `0`, the time to the second, six random digits.
    static func orderNumber(_ now: Date = Date()) -> String {
        "0" + String(DisplayTime.china.format(now).filter(\.isNumber)) + SecureRandom.digits(6)
    }

    /// What came of writing a new order.
    enum Creation: Sendable {
        case created(O2OOrderRecord)
        /// The buyer would pass the goods' purchase limit.
        case refused(PlainRefusal)
        /// Another order drew the same number in the same second: draw again.
        case numberTaken
    }

    /// Writes a new unpaid order (its stock is reserved next, `attach(reservation:)`), unless it would
    /// take the buyer past `limit` units of the goods (0: no limit) over the buyer's orders that are not
    /// cancelled or closed, or its number is taken. The buyer's orders of one goods item are written one at
    /// a time (a transaction lock on the pair), so concurrent orders cannot pass the limit together.
    func create(_ draft: O2OOrderDraft, limit: Int64) async throws -> Creation {
        try await database.transaction { transaction in
            if limit > 0 {
                guard draft.buyNumber <= limit else {
                    return .refused(PlainRefusal(.invalidParams, "每人限购 \(limit) 件"))
                }
                try await transaction.execute(
                    "SELECT pg_advisory_xact_lock(hashtextextended(\("o2o-limit:\(draft.accountID):\(draft.goodsID)"), 0))"
                )
                let held = try await transaction.query(
                    """
                    SELECT coalesce(sum(buy_number), 0)::bigint AS units FROM orders.o2o_orders
                     WHERE account_id = \(draft.accountID) AND goods_id = \(draft.goodsID) AND status NOT IN (2, 3)
                    """)
                let units: Int64 = try held[0].decode("units")
                guard units + draft.buyNumber <= limit else {
                    return .refused(PlainRefusal(.invalidParams, "每人限购 \(limit) 件，已购 \(units) 件"))
                }
            }
            let rows = try await transaction.query(
                """
                INSERT INTO orders.o2o_orders (order_no, account_id, app_id, oper_id, oper_app_id, user_name,
                    notify_mobile, merchant_id, merchant_name, goods_id, goods_name, goods_pic, goods_thumb_url,
                    product_id, price, buy_number, pay_price, trade_no)
                VALUES (\(draft.orderNo), \(draft.accountID), \(draft.appID), \(draft.operID), \(draft.operAppID),
                        \(draft.userName), \(draft.notifyMobile), \(draft.merchantID), \(draft.merchantName),
                        \(draft.goodsID), \(draft.goodsName), \(draft.goodsPic), \(draft.goodsThumbURL), \(draft.productID),
                        \(draft.price), \(draft.buyNumber), \(draft.payPrice), \(draft.tradeNo))
                ON CONFLICT (order_no) DO NOTHING
                RETURNING \(unsafeSQL: O2OOrderRecord.columns)
                """)
            guard let row = rows.first else { return .numberTaken }
            return .created(try O2OOrderRecord(row: row))
        }
    }

    /// Records the order's stock reservation and, for an order paid in another centre's mini-program, its scene.
    func attach(reservation: Int64, sceneID: String?, toOrder id: Int64) async throws {
        try await database.execute(
            """
            UPDATE orders.o2o_orders SET reservation_id = \(reservation), scene_id = \(sceneID), updated_at = now()
             WHERE id = \(id)
            """)
    }

    /// Forgets an order whose stock could not be reserved (nothing else refers to it).
    func discard(_ id: Int64) async throws {
        try await database.execute(
            "DELETE FROM orders.o2o_orders WHERE id = \(id) AND status = 1 AND reservation_id IS NULL")
    }

    /// The order `orderNo` with its codes, when it belongs to `accountID` (any owner when nil).
    func find(orderNo: String, accountID: Int64?) async throws -> O2OOrderRecord? {
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: O2OOrderRecord.columns) FROM orders.o2o_orders
             WHERE order_no = \(orderNo) AND (\(accountID)::bigint IS NULL OR account_id = \(accountID))
            """)
        guard let row = rows.first else { return nil }
        return try await withCodes([try O2OOrderRecord(row: row)]).first
    }

    /// The order paid by the trade `tradeNo`.
    func find(tradeNo: String) async throws -> O2OOrderRecord? {
        try await database.query(
            "SELECT \(unsafeSQL: O2OOrderRecord.columns) FROM orders.o2o_orders WHERE trade_no = \(tradeNo)"
        ).first.map(O2OOrderRecord.init(row:))
    }

    /// One page of the account's orders, newest first, with the total; only those in `status` when given.
    func page(
        accountID: Int64, status: O2OOrderStatus?, page: Int, size: Int
    ) async throws -> (total: Int64, orders: [O2OOrderRecord]) {
        let offset = (page - 1) * size
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: O2OOrderRecord.columns), count(*) OVER () AS total FROM orders.o2o_orders
             WHERE account_id = \(accountID) AND (\(status?.rawValue)::smallint IS NULL OR status = \(status?.rawValue))
             ORDER BY id DESC LIMIT \(size) OFFSET \(offset)
            """)
        var total: Int64 = try rows.first?.decode("total") ?? 0
        if rows.isEmpty && page > 1 {
            total =
                try await database.query(
                    """
                    SELECT count(*) AS total FROM orders.o2o_orders
                     WHERE account_id = \(accountID) AND (\(status?.rawValue)::smallint IS NULL OR status = \(status?.rawValue))
                    """
                ).first?.decode("total") ?? 0
        }
        return (total, try await withCodes(try rows.map(O2OOrderRecord.init(row:))))
    }

    /// Applies `event` to the order `id` as `O2OOrderState` decides, under the order's row lock: writes
    /// the new status, issues or marks the codes, and records a refund (its money in `orders.refunds`
    /// through `ledger`, in the same transaction). Answers the order after the change and the decision.
    func apply(
        _ event: O2OOrderState.Event, toOrder id: Int64, actor: String, ledger: RefundLedger
    ) async throws -> Result<(order: O2OOrderRecord, decision: O2OOrderState.Decision), O2OOrderRefusal> {
        try await database.transaction { transaction in
            let rows = try await transaction.query(
                "SELECT \(unsafeSQL: O2OOrderRecord.columns) FROM orders.o2o_orders WHERE id = \(id) FOR UPDATE")
            guard let row = rows.first else { return .failure(.unknownOrder) }
            var order = try O2OOrderRecord(row: row)
            order.codes = try await codes(ofOrders: [id], on: transaction)[id] ?? []
            let decision: O2OOrderState.Decision
            switch order.state.apply(event) {
            case .success(let made): decision = made
            case .failure(let refusal): return .failure(.state(refusal))
            }
            for effect in decision.effects {
                switch effect {
                case .issueCodes(let count): try await issueCodes(count, toOrder: id, on: transaction)
                case .refund(let units):
                    guard
                        case .failure(let refusal) = try await recordRefund(
                            of: order, units: units, ledger: ledger, on: transaction)
                    else { continue }
                    return .failure(refusal)
                case .commitStock, .sendCodes, .releaseStock, .closeTrade: continue
                }
            }
            if case .redeem(let position) = event {
                try await transaction.execute(
                    """
                    UPDATE orders.o2o_verify_codes SET status = 2, redeemed_at = now(), redeemed_by = \(actor)
                     WHERE id = \(order.codes[position].id)
                    """)
            }
            if decision.next.status != order.status {
                try await transaction.execute(
                    """
                    UPDATE orders.o2o_orders
                       SET status = \(decision.next.status.rawValue), updated_at = now(),
                           pay_time = CASE WHEN \(decision.next.status.rawValue) = 4 THEN now() ELSE pay_time END
                     WHERE id = \(id)
                    """)
                try await transaction.execute(
                    """
                    INSERT INTO orders.o2o_order_history (order_id, from_status, to_status, actor)
                    VALUES (\(id), \(order.status.rawValue), \(decision.next.status.rawValue), \(actor))
                    """)
            }
            let after = try await transaction.query(
                "SELECT \(unsafeSQL: O2OOrderRecord.columns) FROM orders.o2o_orders WHERE id = \(id)")
            var changed = try O2OOrderRecord(row: after[0])
            changed.codes = try await codes(ofOrders: [id], on: transaction)[id] ?? []
            return .success((changed, decision))
        }
    }

    /// The unused code `code` and the order it belongs to.
    func unusedCode(_ code: String) async throws -> VoucherCode? {
        try await database.query(
            "SELECT \(unsafeSQL: VoucherCode.columns) FROM orders.o2o_verify_codes WHERE verify_code = \(code) AND status = 1"
        ).first.map(VoucherCode.init(row:))
    }

    /// The status of the latest code numbered `code`; nil when no order ever had it.
    func latestStatus(ofCode code: String) async throws -> VoucherCodeStatus? {
        try await database.query(
            "SELECT status FROM orders.o2o_verify_codes WHERE verify_code = \(code) ORDER BY id DESC LIMIT 1"
        ).first.flatMap { VoucherCodeStatus(rawValue: try $0.decode("status")) }
    }

    /// The order `id` with its codes.
    func find(id: Int64) async throws -> O2OOrderRecord? {
        let rows = try await database.query(
            "SELECT \(unsafeSQL: O2OOrderRecord.columns) FROM orders.o2o_orders WHERE id = \(id)")
        guard let row = rows.first else { return nil }
        return try await withCodes([try O2OOrderRecord(row: row)]).first
    }

    /// The refunds of the order `id`, oldest first.
    func refunds(ofOrder id: Int64) async throws -> [O2ORefundRecord] {
        try await database.query(
            """
            SELECT \(unsafeSQL: O2ORefundRecord.columns) FROM \(unsafeSQL: O2ORefundRecord.joins)
             WHERE o.order_id = \(id) ORDER BY o.id
            """
        ).map(O2ORefundRecord.init(row:))
    }

    /// The refund `refundNo` of an O2O order.
    func refund(_ refundNo: String) async throws -> O2ORefundRecord? {
        try await database.query(
            "SELECT \(unsafeSQL: O2ORefundRecord.columns) FROM \(unsafeSQL: O2ORefundRecord.joins) WHERE o.refund_no = \(refundNo)"
        ).first.map(O2ORefundRecord.init(row:))
    }

    private func issueCodes(_ count: Int, toOrder id: Int64, on transaction: PostgresTransaction) async throws {
        var issued = 0
        while issued < count {
            let inserted = try await transaction.query(
                """
                INSERT INTO orders.o2o_verify_codes (order_id, verify_code) VALUES (\(id), \(VoucherCodes.fresh()))
                ON CONFLICT DO NOTHING RETURNING id
                """)
            issued += inserted.count
        }
    }

    private func recordRefund(
        of order: O2OOrderRecord, units: Int, ledger: RefundLedger, on transaction: PostgresTransaction
    ) async throws -> Result<Void, O2OOrderRefusal> {
        let sequence = try await transaction.query(
            "SELECT count(*) + 1 AS next FROM orders.o2o_refunds WHERE order_id = \(order.id)")
        let refundNo = "o2o-\(order.orderNo)-\(try sequence[0].decode("next", as: Int64.self))"
        let amount = order.price * Int64(units)
        switch try await ledger.ask(
            tradeNo: order.tradeNo, refundNo: refundNo, amount: amount, reason: "团购券退款", on: transaction)
        {
        case .failure(let refusal): return .failure(.refund(refusal))
        case .success: break
        }
        let refund = try await transaction.query(
            """
            INSERT INTO orders.o2o_refunds (order_id, refund_no, amount, codes)
            VALUES (\(order.id), \(refundNo), \(amount), \(Int64(units))) RETURNING id
            """)
        let refundID: Int64 = try refund[0].decode("id")
        try await transaction.execute(
            "UPDATE orders.o2o_verify_codes SET status = 3, refund_id = \(refundID) WHERE order_id = \(order.id) AND status = 1"
        )
        try await transaction.execute(
            """
            UPDATE orders.o2o_orders SET refund_price = refund_price + \(amount), refund_time = now(), updated_at = now()
             WHERE id = \(order.id)
            """)
        return .success(())
    }

    private func withCodes(_ orders: [O2OOrderRecord]) async throws -> [O2OOrderRecord] {
        let paid = orders.filter { $0.payTime != nil }.map(\.id)
        guard !paid.isEmpty else { return orders }
        let codes = try await codes(ofOrders: paid, on: database)
        return orders.map { order in
            var order = order
            order.codes = codes[order.id] ?? []
            return order
        }
    }

    private func codes(
        ofOrders ids: [Int64], on database: some PostgresQueryable
    ) async throws -> [Int64: [VoucherCode]] {
        let list = ids.map(String.init).joined(separator: ",")
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: VoucherCode.columns) FROM orders.o2o_verify_codes
             WHERE order_id = ANY (string_to_array(\(list), ',')::bigint[]) ORDER BY order_id, id
            """)
        return Dictionary(grouping: try rows.map(VoucherCode.init(row:)), by: \.orderID)
    }
}

/// Why an O2O order change was not made; nothing was written.
enum O2OOrderRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownOrder
    case state(O2OOrderState.Refusal)
    case refund(RefundRequestRefusal)

    var description: String {
        switch self {
        case .unknownOrder: "there is no such order"
        case .state(let refusal): refusal.description
        case .refund(let refusal): refusal.description
        }
    }
}

/// Verification codes: twelve digits from the secure random source, so guessing one is hopeless.
enum VoucherCodes {
    static let length = 12

    static func fresh() -> String { SecureRandom.digits(length) }
}
