import Postgres

extension GoodsCatalog {
    /// The goods items `ids` of any catalogue, on sale or not, each with whether it is on sale, by id;
    /// unknown ids are left out. One statement, whatever the number of ids.
    func items(ids: [Int64], today: String) async throws -> [Int64: (goods: GoodsRecord, onSale: Bool)] {
        guard !ids.isEmpty else { return [:] }
        let list = ids.map(String.init).joined(separator: ",")
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: GoodsRecord.columns),
                   merchants.goods_on_sale(g.status, g.start_date, g.end_date, m.approval, m.status, \(today)::date)
                     AS on_sale
              FROM \(unsafeSQL: GoodsRecord.joins)
             WHERE g.id = ANY (string_to_array(\(list), ',')::bigint[])
            """)
        var items: [Int64: (goods: GoodsRecord, onSale: Bool)] = [:]
        for row in rows {
            let goods = try GoodsRecord(row: row)
            items[goods.id] = (goods, try row.decode("on_sale"))
        }
        return items
    }

    /// The products `ids`, by id; unknown ids are left out.
    func products(ids: [Int64]) async throws -> [Int64: ProductRecord] {
        guard !ids.isEmpty else { return [:] }
        let list = ids.map(String.init).joined(separator: ",")
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: ProductRecord.columns) FROM merchants.products
             WHERE id = ANY (string_to_array(\(list), ',')::bigint[])
            """)
        var products: [Int64: ProductRecord] = [:]
        for product in try rows.map(ProductRecord.init(row:)) { products[product.id] = product }
        return products
    }
}
