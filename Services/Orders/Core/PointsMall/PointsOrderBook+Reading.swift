import Foundation
import Postgres
import ServiceKit

/// Reading orders: the customer's list as `order.list` narrows it, one order for the platform, its history.
extension PointsOrderBook {
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

    func withItems(_ orders: [PointsOrderRecord]) async throws -> [PointsOrderRecord] {
        guard !orders.isEmpty else { return [] }
        let items = try await Self.items(of: orders.map(\.id), on: database)
        return orders.map { order in
            var filled = order
            filled.items = items[order.id] ?? []
            return filled
        }
    }

    static func items(
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
}
