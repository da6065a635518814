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
