import Foundation
import Postgres
import ServiceKit

/// Points-mall orders in `orders.points_orders`: written `placing` with their item and a history row,
/// read by their owner or the platform, and moved only as `PointsOrderState` decides, on the order's
/// locked row, with a history row per change in the same transaction.
struct PointsOrderBook: Sendable {
    let database: PostgresPool

    /// Why a placing was not written: the goods' per-person limit would be passed.
    struct LimitReached: Error, Sendable, Equatable {
        let limit: Int64
        /// What the customer's orders of the goods that are not closed or failed already hold.
        let held: Int64
    }

    /// A new order number in the document's form, `SN`, the day (`yyyyMMdd`, in `time`'s zone) and ten
    /// digits from the database's sequence, so numbers are unique whatever replica makes them.
    func nextOrderNumber(now: Date = Date(), time: DisplayTime) async throws -> String {
        let number: Int64 = try await database.query(
            "SELECT nextval('orders.points_order_numbers') % 10000000000 AS n")[0].decode("n")
        let digits = String(number)
        let day = time.day(of: now).filter(\.isNumber)
        return "SN" + day + String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    /// How many of goods `goodsID` the orders of `accountID` hold that count towards its limit.
    func held(goodsID: Int64, accountID: Int64) async throws -> Int64 {
        try await Self.held(goodsID: goodsID, accountID: accountID, on: database)
    }

    /// Writes `draft` as order `orderSN`, `placing`. The limit is checked and the row written under a lock
    /// of the customer and the goods, so two placings at once cannot pass the limit together.
    func place(_ draft: PointsOrderDraft, orderSN: String) async throws -> Result<PointsOrderRecord, LimitReached> {
        let item = draft.item
        let receiver = draft.receiver
        return try await database.transaction { transaction in
            if draft.limitCount > 0 {
                _ = try await transaction.query(
                    """
                    SELECT pg_advisory_xact_lock(hashtextextended(\("points-limit:\(draft.accountID):\(item.goodsID)"), 0))
                    """)
                let held = try await Self.held(goodsID: item.goodsID, accountID: draft.accountID, on: transaction)
                guard held + item.quantity <= draft.limitCount else {
                    return .failure(LimitReached(limit: draft.limitCount, held: held))
                }
            }
            let rows = try await transaction.query(
                """
                INSERT INTO orders.points_orders
                       (order_sn, account_id, goods_id, product_id, quantity, total_price, receiver_name,
                        receiver_province, receiver_city, receiver_district, receiver_street, receiver_address,
                        receiver_mobile)
                VALUES (\(orderSN), \(draft.accountID), \(item.goodsID), \(item.productID), \(item.quantity),
                        \(draft.totalPrice), \(receiver.name), \(receiver.province), \(receiver.city),
                        \(receiver.district), \(receiver.street), \(receiver.address), \(receiver.mobile))
                RETURNING \(unsafeSQL: PointsOrderRecord.columns)
                """)
            var order = try PointsOrderRecord(row: rows[0])
            try await transaction.execute(
                """
                INSERT INTO orders.points_order_items (order_id, position, goods_id, goods_name, goods_image, product_id,
                       spec_val, market_price, sales_price, quantity, payment_price, total_price)
                VALUES (\(order.id), 1, \(item.goodsID), \(item.goodsName), \(item.goodsImage), \(item.productID),
                        \(item.specVal), \(item.marketPrice), \(item.salesPrice), \(item.quantity), \(item.paymentPrice),
                        \(item.totalPrice))
                """)
            try await transaction.execute(
                """
                INSERT INTO orders.points_order_history (order_id, from_state, to_state, actor)
                VALUES (\(order.id), NULL, 'placing', \("customer:\(draft.accountID)"))
                """)
            order.items = [item]
            return .success(order)
        }
    }

    /// Records the stock reservation the merchants service made for order `id`.
    func recordReservation(_ reservationID: Int64, of id: Int64) async throws {
        try await database.execute(
            "UPDATE orders.points_orders SET reservation_id = \(reservationID), updated_at = now() WHERE id = \(id)")
    }

    /// Records that the user service took order `id`'s coins.
    func recordCoinsSpent(of id: Int64) async throws {
        try await database.execute(
            "UPDATE orders.points_orders SET coins_spent = true, updated_at = now() WHERE id = \(id)")
    }

    /// Records that what order `id` took was given back: a closed order is settled, an undoing one waits
    /// for its `undone`.
    func recordReturned(of id: Int64) async throws {
        try await database.execute(
            "UPDATE orders.points_orders SET returns_pending = false, updated_at = now() WHERE id = \(id)")
    }

    /// What the platform writes with a move: the carrier and tracking number of a shipment, the reason of
    /// a closing.
    struct MoveDetails: Sendable, Equatable {
        var carrier: String?
        var trackingNo: String?
        var note = ""
    }

    /// Moves order `id` with `event` as the state machine decides, recording `actor` (and the details)
    /// in the history; the times of the document's fields are set as the order reaches them.
    func apply(
        _ event: PointsOrderState.Event, toOrder id: Int64, actor: String, details: MoveDetails = MoveDetails()
    ) async throws -> Result<(order: PointsOrderRecord, decision: PointsOrderState.Decision), PointsOrderState.Refusal>
    {
        try await database.transaction { transaction in
            let rows = try await transaction.query(
                "SELECT \(unsafeSQL: PointsOrderRecord.columns) FROM orders.points_orders WHERE id = \(id) FOR UPDATE")
            guard let row = rows.first else { throw PointsOrderMissing(id: id) }
            let order = try PointsOrderRecord(row: row)
            let decision: PointsOrderState.Decision
            switch order.state.apply(event) {
            case .success(let made): decision = made
            case .failure(let refusal): return .failure(refusal)
            }
            let next = decision.next.rawValue
            let pending =
                decision.effects.contains(.giveBack) ? true : (event == .undone ? false : order.returnsPending)
            let updated = try await transaction.query(
                """
                UPDATE orders.points_orders
                   SET state = \(next), returns_pending = \(pending), updated_at = now(),
                       pay_time = CASE WHEN \(next) = 'paid' THEN now() ELSE pay_time END,
                       shipping_time = CASE WHEN \(next) = 'shipped' THEN now() ELSE shipping_time END,
                       done_time = CASE WHEN \(next) = 'completed' THEN now() ELSE done_time END,
                       closed_time = CASE WHEN \(next) = 'closed' THEN now() ELSE closed_time END,
                       carrier = coalesce(\(details.carrier), carrier),
                       tracking_no = coalesce(\(details.trackingNo), tracking_no),
                       close_reason = CASE WHEN \(next) = 'closed' THEN \(details.note) ELSE close_reason END
                 WHERE id = \(id)
                RETURNING \(unsafeSQL: PointsOrderRecord.columns)
                """)
            try await transaction.execute(
                """
                INSERT INTO orders.points_order_history (order_id, from_state, to_state, actor, note)
                VALUES (\(id), \(order.state.rawValue), \(next), \(actor), \(details.note))
                """)
            var after = try PointsOrderRecord(row: updated[0])
            after.items = try await Self.items(of: [id], on: transaction)[id] ?? []
            return .success((after, decision))
        }
    }

    /// Placings older than `staleAfter` (their request is long over) are abandoned, at most `limit`, each
    /// claimed by one sweeper; answers the abandoned orders, whose give-back is then due.
    func abandonStale(staleAfter: Duration, limit: Int) async throws -> [PointsOrderRecord] {
        let seconds = Double(staleAfter.components.seconds) + Double(staleAfter.components.attoseconds) / 1e18
        let rows = try await database.query(
            """
            SELECT id FROM orders.points_orders
             WHERE state = 'placing' AND updated_at < now() - make_interval(secs => \(seconds))
             ORDER BY updated_at LIMIT \(limit)
            """)
        var abandoned: [PointsOrderRecord] = []
        for row in rows {
            if case .success(let moved) = try await apply(.abandoned, toOrder: try row.decode("id"), actor: "sweep") {
                abandoned.append(moved.order)
            }
        }
        return abandoned
    }

    /// Orders whose give-back is decided but not confirmed (undoing ones, closed ones whose coins or stock
    /// did not come back yet) and that no request touched for `quietFor`, at most `limit`.
    func pendingReturns(quietFor: Duration, limit: Int) async throws -> [PointsOrderRecord] {
        let seconds = Double(quietFor.components.seconds) + Double(quietFor.components.attoseconds) / 1e18
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: PointsOrderRecord.columns) FROM orders.points_orders
             WHERE (state = 'undoing' OR returns_pending) AND updated_at < now() - make_interval(secs => \(seconds))
             ORDER BY updated_at LIMIT \(limit)
            """)
        return try rows.map(PointsOrderRecord.init(row:))
    }

    /// What a customer's order list is narrowed to; every criterion given must hold.
    struct Filter: Sendable, Equatable {
        var orderSN: String?
        /// One of the document's statuses; nil for all of them.
        var state: PointsOrderState?
        /// Placed at or after.
        var from: Date?
        /// Placed at or before.
        var until: Date?
    }

    /// Page `page` of the orders of `accountID` that the customer sees (the document's four statuses)
    /// matching `filter`, newest first, and how many match.
    func page(
        accountID: Int64, filter: Filter, page: PageRequest
    ) async throws -> (total: Int, orders: [PointsOrderRecord]) {
        let visible = PointsOrderState.visible.map(\.rawValue).joined(separator: ",")
        let state = filter.state?.rawValue
        let total: Int64 = try await database.query(
            """
            SELECT count(*) AS n FROM orders.points_orders
             WHERE account_id = \(accountID) AND state = ANY (string_to_array(\(visible), ','))
               AND (\(filter.orderSN)::text IS NULL OR order_sn = \(filter.orderSN))
               AND (\(state)::text IS NULL OR state = \(state))
               AND (\(filter.from)::timestamptz IS NULL OR created_at >= \(filter.from))
               AND (\(filter.until)::timestamptz IS NULL OR created_at <= \(filter.until))
            """)[0].decode("n")
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: PointsOrderRecord.columns) FROM orders.points_orders
             WHERE account_id = \(accountID) AND state = ANY (string_to_array(\(visible), ','))
               AND (\(filter.orderSN)::text IS NULL OR order_sn = \(filter.orderSN))
               AND (\(state)::text IS NULL OR state = \(state))
               AND (\(filter.from)::timestamptz IS NULL OR created_at >= \(filter.from))
               AND (\(filter.until)::timestamptz IS NULL OR created_at <= \(filter.until))
             ORDER BY id DESC LIMIT \(page.size) OFFSET \(page.offset)
            """)
        return (Int(total), try await withItems(rows.map(PointsOrderRecord.init(row:))))
    }

    /// The order `id` (or, when `id` is nil, `orderSN`), whoever owns it.
    func find(id: Int64? = nil, orderSN: String? = nil) async throws -> PointsOrderRecord? {
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: PointsOrderRecord.columns) FROM orders.points_orders
             WHERE id = \(id) OR (\(id)::bigint IS NULL AND order_sn = \(orderSN))
            """)
        guard let row = rows.first else { return nil }
        return try await withItems([try PointsOrderRecord(row: row)])[0]
    }

    /// The changes of order `id`, oldest first: `(from, to, actor, note, at)`.
    func history(of id: Int64) async throws -> [(from: String?, to: String, actor: String, note: String, at: Date)] {
        try await database.query(
            """
            SELECT from_state, to_state, actor, note, at FROM orders.points_order_history
             WHERE order_id = \(id) ORDER BY id
            """
        ).map { row in
            (
                try row.decode("from_state"), try row.decode("to_state"), try row.decode("actor"),
                try row.decode("note"), try row.decode("at")
            )
        }
    }

    private func withItems(_ orders: [PointsOrderRecord]) async throws -> [PointsOrderRecord] {
        guard !orders.isEmpty else { return [] }
        let items = try await Self.items(of: orders.map(\.id), on: database)
        return orders.map { order in
            var filled = order
            filled.items = items[order.id] ?? []
            return filled
        }
    }

    private static func items(
        of ids: [Int64], on database: some PostgresQueryable
    ) async throws -> [Int64: [PointsOrderItem]] {
        let list = ids.map(String.init).joined(separator: ",")
        let rows = try await database.query(
            """
            SELECT order_id, goods_id, goods_name, goods_image, product_id, spec_val, market_price, sales_price,
                   quantity, payment_price, total_price
              FROM orders.points_order_items WHERE order_id = ANY (string_to_array(\(list), ',')::bigint[])
             ORDER BY order_id, position
            """)
        var items: [Int64: [PointsOrderItem]] = [:]
        for row in rows {
            items[try row.decode("order_id"), default: []].append(
                PointsOrderItem(
                    goodsID: try row.decode("goods_id"), goodsName: try row.decode("goods_name"),
                    goodsImage: try row.decode("goods_image"), productID: try row.decode("product_id"),
                    specVal: try row.decode("spec_val"), marketPrice: try row.decode("market_price"),
                    salesPrice: try row.decode("sales_price"), quantity: try row.decode("quantity"),
                    paymentPrice: try row.decode("payment_price"), totalPrice: try row.decode("total_price")))
        }
        return items
    }

    private static func held(
        goodsID: Int64, accountID: Int64, on database: some PostgresQueryable
    ) async throws
        -> Int64
    {
        let counting = PointsOrderState.allCases.filter(\.countsTowardsLimit).map(\.rawValue).joined(separator: ",")
        return try await database.query(
            """
            SELECT coalesce(sum(quantity), 0)::bigint AS n FROM orders.points_orders
             WHERE account_id = \(accountID) AND goods_id = \(goodsID) AND state = ANY (string_to_array(\(counting), ','))
            """)[0].decode("n")
    }
}

/// An order id that the store was asked to move does not exist.
struct PointsOrderMissing: Error, Sendable, CustomStringConvertible {
    let id: Int64

    var description: String { "no points order \(id)" }
}
