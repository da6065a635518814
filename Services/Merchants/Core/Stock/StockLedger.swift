import Foundation
import Postgres

/// One row of `merchants.stock_ledger`: a change of a product's stock and the stock after it.
struct StockLedgerEntry: Sendable, Equatable {
    static let columns = "id, product_id, change, stock_after, kind, reservation_id, reason, actor, created_at"

    let id: Int64
    let productID: Int64
    let change: Int64
    let stockAfter: Int64
    /// `reserve`, `release`, `refund` or `adjust`.
    let kind: String
    let reservationID: Int64?
    let reason: String
    let actor: String
    let createdAt: Date

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        productID = try row.decode("product_id")
        change = try row.decode("change")
        stockAfter = try row.decode("stock_after")
        kind = try row.decode("kind")
        reservationID = try row.decode("reservation_id")
        reason = try row.decode("reason")
        actor = try row.decode("actor")
        createdAt = try row.decode("created_at")
    }
}

/// Reads the stock ledger, newest rows first.
struct StockLedger: Sendable {
    let database: PostgresPool

    /// Up to `limit` rows of product `productID` older than row `beforeID` (all when nil).
    func entries(product productID: Int64, before beforeID: Int64?, limit: Int) async throws -> [StockLedgerEntry] {
        try await database.query(
            """
            SELECT \(unsafeSQL: StockLedgerEntry.columns) FROM merchants.stock_ledger
             WHERE product_id = \(productID) AND (\(beforeID)::bigint IS NULL OR id < \(beforeID))
             ORDER BY id DESC LIMIT \(limit)
            """
        ).map(StockLedgerEntry.init(row:))
    }

    /// The last `limit` rows of every product of goods item `goodsID`.
    func entries(goods goodsID: Int64, limit: Int) async throws -> [StockLedgerEntry] {
        try await database.query(
            """
            SELECT \(unsafeSQL: StockLedgerEntry.columns) FROM merchants.stock_ledger
             WHERE product_id IN (SELECT id FROM merchants.products WHERE goods_id = \(goodsID))
             ORDER BY id DESC LIMIT \(limit)
            """
        ).map(StockLedgerEntry.init(row:))
    }

    /// Product `productID`'s goods item and stock; nil when there is no such product.
    func product(_ productID: Int64) async throws -> (goodsID: Int64, stock: Int64)? {
        guard
            let row = try await database.query(
                "SELECT goods_id, stock FROM merchants.products WHERE id = \(productID)"
            ).first
        else { return nil }
        return (try row.decode("goods_id"), try row.decode("stock"))
    }
}
