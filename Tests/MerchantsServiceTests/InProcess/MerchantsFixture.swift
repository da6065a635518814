import Foundation
import Postgres

/// Rows of the merchants schema that a test sets up directly, as an admin would: a centre, categories,
/// merchants at chosen points, goods with products. Each returns the new row's id.
struct MerchantsFixture: Sendable {
    let database: PostgresPool

    func centre(name: String = "测试运营中心", appID: String) async throws -> Int64 {
        try await database.query(
            "INSERT INTO merchants.operation_centres (name, app_id) VALUES (\(name), \(appID)) RETURNING id"
        )[0].decode("id")
    }

    func category(_ name: String, parent: Int64? = nil, sort: Int = 0, shown: Bool = true) async throws -> Int64 {
        try await database.query(
            """
            INSERT INTO merchants.merchant_categories (parent_id, name, icon, sort_order, status)
            VALUES (\(parent), \(name), '/files/icon.png', \(sort), \(shown ? 1 : 2)) RETURNING id
            """
        )[0].decode("id")
    }

    /// An approved, open merchant at (`longitude`, `latitude`).
    func merchant(
        _ name: String, centre: Int64, category: Int64, longitude: Double, latitude: Double, brand: String = "",
        cityID: String = "110100", weight: Int = 0, approval: String = "approved", status: Int = 1
    ) async throws -> Int64 {
        try await database.query(
            """
            INSERT INTO merchants.merchants (oper_id, category_id, name, brand, address, province, province_id, city,
                city_id, area, area_id, lng, lat, opens_at, closes_at, logo, lowest_amount, weight, approval, status)
            VALUES (\(centre), \(category), \(name), \(brand), '测试地址 1 号', '北京市', '110000', '北京市',
                \(cityID), '东城区', '110101', \(String(longitude))::numeric, \(String(latitude))::numeric,
                '10:30:00', '18:30:00', '/files/logo.png', 8000, \(weight), \(approval), \(status))
            RETURNING id
            """
        )[0].decode("id")
    }

    /// A goods item on sale with one product per spec key (`[""]` for a single product), each with
    /// `stock` and `price` (fen or coins).
    func goods(
        _ name: String, catalogue: String, merchant: Int64? = nil, category: Int64? = nil,
        specs: String = "[]", keys: [String] = [""], price: Int64 = 1000, marketPrice: Int64 = 2000,
        stock: Int64 = 10, startDate: String? = nil, endDate: String? = nil, status: Int = 1, sort: Int = 0
    ) async throws -> (goods: Int64, products: [Int64]) {
        let goodsID: Int64 = try await database.query(
            """
            INSERT INTO merchants.goods (catalogue, merchant_id, category_id, name, description, buy_info, thumb_url,
                pic, pic_list, start_date, end_date, specs, status, sort_order)
            VALUES (\(catalogue), \(merchant), \(category), \(name), '描述', '须知', '/files/t.png', '/files/p.png',
                '["/files/1.png","/files/2.png"]', \(startDate)::date, \(endDate)::date, \(specs)::jsonb, \(status),
                \(sort))
            RETURNING id
            """
        )[0].decode("id")
        var products: [Int64] = []
        for key in keys {
            products.append(
                try await database.query(
                    """
                    INSERT INTO merchants.products (goods_id, spec_key, sku, market_price, price, stock)
                    VALUES (\(goodsID), \(key), \("sku-\(UUID().uuidString.prefix(12))"), \(marketPrice), \(price),
                            \(stock))
                    RETURNING id
                    """
                )[0].decode("id"))
        }
        return (goodsID, products)
    }

    func stock(of product: Int64) async throws -> Int64 {
        try await database.query("SELECT stock FROM merchants.products WHERE id = \(product)")[0].decode("stock")
    }
}
