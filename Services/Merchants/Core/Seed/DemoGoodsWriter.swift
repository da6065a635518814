import JSON
import Postgres

/// Writes the demo goods with their products: a merchant's vouchers (one product each, valid from the
/// seeding day for a year), the points mall (a product per spec key, in gold coins) and the mobile mall
/// (a product per spec key, in fen). SKUs are `DEMO-V<merchant>-<voucher>`, `DEMO-P<item>-<product>` and
/// `DEMO-M<item>-<product>`; voucher stock varies a little from item to item.
struct DemoGoodsWriter {
    let transaction: PostgresTransaction
    let facts: DemoContentFacts

    /// The vouchers of merchant `merchant` (the `number`th place), from the templates of `category`.
    func writeVouchers(
        of merchant: Int64, number: Int, category: String, top: DemoCatalogue.TopCategory, today: String
    ) async throws {
        guard let templates = DemoVouchers.byCategory[category], !templates.isEmpty else {
            throw DemoMerchantsError("no demo vouchers for the category \(category)")
        }
        let picture = try facts.image(top.voucherImage)
        let pictures = [picture, try facts.image(top.logoImage)]
        for (position, template) in templates.enumerated() {
            let goods: Int64 = try await transaction.query(
                """
                INSERT INTO merchants.goods (catalogue, merchant_id, name, description, buy_info, thumb_url, pic,
                    pic_list, start_date, end_date, opens_at, closes_at, limit_count, sort_order, status)
                VALUES ('voucher', \(merchant), \(template.name), \(template.description),
                    \(DemoVouchers.buyInfo(template)), \(picture), \(picture), \(Self.jsonList(pictures))::jsonb,
                    \(today)::date, (\(today)::date + interval '1 year')::date, \(template.hours?.opens)::time,
                    \(template.hours?.closes)::time, \(template.limit), \(position), 1)
                RETURNING id
                """
            )[0].decode("id")
            try await writeProduct(
                of: goods, key: "", sku: "DEMO-V\(Self.twoDigits(number))-\(position + 1)",
                price: template.price, marketPrice: template.marketPrice,
                stock: 100 + (number * 37 + position * 53) % 400)
        }
    }

    /// The points-mall items, the first listed first; an item whose content category is missing is
    /// written without a category.
    func writePointsMall() async throws {
        let items = DemoPointsGoods.items
        for (index, item) in items.enumerated() {
            let pictures = try item.pictures.map { try facts.image($0) }
            guard let picture = pictures.first else { throw DemoMerchantsError("\(item.name) has no picture") }
            let specs = GoodsSpecs(item.specs)
            let goods: Int64 = try await transaction.query(
                """
                INSERT INTO merchants.goods (catalogue, category_id, name, description, thumb_url, pic, pic_list,
                    limit_count, specs, sort_order, status)
                VALUES ('points', \(facts.goodsCategories[item.category]), \(item.name),
                    \("<p>" + item.description + "</p>"), \(picture), \(picture),
                    \(Self.jsonList(pictures))::jsonb, \(item.limit), \(specs.storedJSON)::jsonb,
                    \(items.count - index), 1)
                RETURNING id
                """
            )[0].decode("id")
            for (position, key) in specs.allKeys.enumerated() {
                let prices = item.prices(of: key)
                try await writeProduct(
                    of: goods, key: key, sku: "DEMO-P\(Self.twoDigits(index + 1))-\(position + 1)",
                    price: prices.price, marketPrice: prices.marketPrice, stock: item.stock)
            }
        }
    }

    /// The mobile mall's items (catalogue `mall`, prices in fen, no merchant), the first listed first.
    func writeMobileMall() async throws {
        let items = DemoMallGoods.items
        for (index, item) in items.enumerated() {
            let pictures = try item.pictures.map { try facts.image($0) }
            guard let picture = pictures.first else { throw DemoMerchantsError("\(item.name) has no picture") }
            let specs = GoodsSpecs(item.specs)
            let goods: Int64 = try await transaction.query(
                """
                INSERT INTO merchants.goods (catalogue, name, description, thumb_url, pic, pic_list, specs, sort_order,
                    status)
                VALUES ('mall', \(item.name), \("<p>" + item.description + "</p>"), \(picture), \(picture),
                    \(Self.jsonList(pictures))::jsonb, \(specs.storedJSON)::jsonb, \(items.count - index), 1)
                RETURNING id
                """
            )[0].decode("id")
            for (position, key) in specs.allKeys.enumerated() {
                let prices = item.prices(of: key)
                try await writeProduct(
                    of: goods, key: key, sku: "DEMO-M\(Self.twoDigits(index + 1))-\(position + 1)",
                    price: prices.price, marketPrice: prices.marketPrice, stock: item.stock)
            }
        }
    }

    private func writeProduct(
        of goods: Int64, key: String, sku: String, price: Int64, marketPrice: Int64, stock: Int
    ) async throws {
        try await transaction.execute(
            """
            INSERT INTO merchants.products (goods_id, spec_key, sku, market_price, price, stock)
            VALUES (\(goods), \(key), \(sku), \(marketPrice), \(price), \(stock))
            """)
    }

    private static func jsonList(_ items: [String]) -> String {
        JSONValue.array(items.map(JSONValue.string)).serialized()
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
