import Postgres
import ServiceKit

/// The goods clients see, in `merchants.goods` with their products: on sale, inside their validity
/// dates, and of a listed merchant where they have one. `today` is the day in the service's zone,
/// written `yyyy-MM-dd`.
struct GoodsCatalog: Sendable {
    let database: PostgresPool

    /// The goods on sale of merchant `merchantID`, in display order.
    func onSale(merchant merchantID: Int64, today: String) async throws -> [GoodsRecord] {
        try await database.query(
            """
            SELECT \(unsafeSQL: GoodsRecord.columns) FROM \(unsafeSQL: GoodsRecord.joins)
             WHERE g.merchant_id = \(merchantID) AND g.catalogue = 'voucher'
               AND merchants.goods_on_sale(g.status, g.start_date, g.end_date, m.approval, m.status, \(today)::date)
             ORDER BY g.sort_order, g.id
            """
        ).map(GoodsRecord.init(row:))
    }

    /// Goods item `id` of `catalogue` when it is on sale; nil otherwise.
    func onSale(id: Int64, catalogue: GoodsCatalogue, today: String) async throws -> GoodsRecord? {
        try await database.query(
            """
            SELECT \(unsafeSQL: GoodsRecord.columns) FROM \(unsafeSQL: GoodsRecord.joins)
             WHERE g.id = \(id) AND g.catalogue = \(catalogue.rawValue)
               AND merchants.goods_on_sale(g.status, g.start_date, g.end_date, m.approval, m.status, \(today)::date)
            """
        ).first.map(GoodsRecord.init(row:))
    }

    /// Goods item `id` of any catalogue, on sale or not, with whether it is on sale; nil when unknown.
    func item(id: Int64, today: String) async throws -> (goods: GoodsRecord, onSale: Bool)? {
        guard
            let row = try await database.query(
                """
                SELECT \(unsafeSQL: GoodsRecord.columns),
                       merchants.goods_on_sale(g.status, g.start_date, g.end_date, m.approval, m.status, \(today)::date)
                         AS on_sale
                  FROM \(unsafeSQL: GoodsRecord.joins) WHERE g.id = \(id)
                """
            ).first
        else { return nil }
        return (try GoodsRecord(row: row), try row.decode("on_sale"))
    }

    /// One page of the points mall: goods on sale, in the categories `categoryIDs` when given, whose
    /// name holds `keyword` (literally), with a product priced within `prices` (gold coins) when given;
    /// highest sort order first, then newest.
    func pointsPage(
        categoryIDs: [Int64]?, keyword: String?, prices: ClosedRange<Int64>?, page: PageRequest, today: String
    ) async throws -> (goods: [GoodsRecord], total: Int) {
        let categories = categoryIDs.map { $0.map(String.init).joined(separator: ",") }
        let rows = try await database.query(
            """
            WITH found AS (
                SELECT g.id, g.sort_order FROM merchants.goods g
                  LEFT JOIN merchants.merchants m ON m.id = g.merchant_id
                 WHERE g.catalogue = 'points'
                   AND merchants.goods_on_sale(g.status, g.start_date, g.end_date, m.approval, m.status, \(today)::date)
                   AND (\(categories)::text IS NULL
                        OR g.category_id = ANY (string_to_array(\(categories), ',')::bigint[]))
                   AND (\(keyword)::text IS NULL OR strpos(lower(g.name), lower(\(keyword))) > 0)
                   AND (\(prices?.lowerBound)::bigint IS NULL OR EXISTS (
                        SELECT 1 FROM merchants.products p WHERE p.goods_id = g.id
                           AND p.price BETWEEN \(prices?.lowerBound) AND \(prices?.upperBound)))
            ),
            page AS (SELECT id, sort_order FROM found ORDER BY sort_order DESC, id DESC LIMIT \(page.size) OFFSET \(page.offset))
            SELECT t.total, \(unsafeSQL: GoodsRecord.columns)
              FROM (SELECT count(*) AS total FROM found) t
              LEFT JOIN page ON true
              LEFT JOIN \(unsafeSQL: GoodsRecord.joins) ON g.id = page.id
             ORDER BY page.sort_order DESC, page.id DESC
            """)
        let total = try rows.first?.decode("total", as: Int64.self) ?? 0
        let goods = try rows.filter { try $0.decode("id", as: Int64?.self) != nil }.map(GoodsRecord.init(row:))
        return (goods, Int(total))
    }

    /// The products of goods item `goodsID`, in the order they were made.
    func products(of goodsID: Int64) async throws -> [ProductRecord] {
        try await database.query(
            "SELECT \(unsafeSQL: ProductRecord.columns) FROM merchants.products WHERE goods_id = \(goodsID) ORDER BY id"
        ).map(ProductRecord.init(row:))
    }

    /// The products of the goods `goodsIDs`, by goods id.
    func products(of goodsIDs: [Int64]) async throws -> [Int64: [ProductRecord]] {
        guard !goodsIDs.isEmpty else { return [:] }
        let ids = goodsIDs.map(String.init).joined(separator: ",")
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: ProductRecord.columns) FROM merchants.products
             WHERE goods_id = ANY (string_to_array(\(ids), ',')::bigint[]) ORDER BY id
            """)
        return Dictionary(grouping: try rows.map(ProductRecord.init(row:)), by: \.goodsID)
    }
}
