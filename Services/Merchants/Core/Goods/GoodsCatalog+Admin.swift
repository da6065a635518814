import Postgres
import ServiceKit

/// The admin's list of goods: every item, on sale or not.
extension GoodsCatalog {
    /// One page of the goods `filter` keeps, newest first, and how many it keeps in all.
    func page(_ filter: GoodsFilter, _ page: PageRequest) async throws -> (goods: [GoodsRecord], total: Int) {
        let rows = try await database.query(
            """
            WITH found AS (
                SELECT g.id FROM merchants.goods g
                 WHERE (\(filter.catalogue?.rawValue)::text IS NULL OR g.catalogue = \(filter.catalogue?.rawValue))
                   AND (\(filter.merchantID)::bigint IS NULL OR g.merchant_id = \(filter.merchantID))
                   AND (\(filter.categoryID)::bigint IS NULL OR g.category_id = \(filter.categoryID))
                   AND (\(filter.status)::bigint IS NULL OR g.status = \(filter.status))
                   AND (\(filter.keyword)::text IS NULL OR strpos(lower(g.name), lower(\(filter.keyword))) > 0)
            ),
            page AS (SELECT id FROM found ORDER BY id DESC LIMIT \(page.size) OFFSET \(page.offset))
            SELECT t.total, \(unsafeSQL: GoodsRecord.columns)
              FROM (SELECT count(*) AS total FROM found) t
              LEFT JOIN page ON true
              LEFT JOIN \(unsafeSQL: GoodsRecord.joins) ON g.id = page.id
             ORDER BY page.id DESC
            """)
        let total = try rows.first?.decode("total", as: Int64.self) ?? 0
        let goods = try rows.filter { try $0.decode("id", as: Int64?.self) != nil }.map(GoodsRecord.init(row:))
        return (goods, Int(total))
    }
}
