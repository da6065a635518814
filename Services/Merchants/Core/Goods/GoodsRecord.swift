import JSON
import Postgres

/// The catalogue a goods item is sold in: O2O vouchers, the points mall, the mobile mall.
enum GoodsCatalogue: String, Sendable, CaseIterable {
    case voucher, points, mall
}

/// A goods item with its sales: `sold` is every unit of committed sales, `soldLastMonth` those of
/// the last 30 days. Dates are `yyyy-MM-dd` days; times `HH:mm:ss`. Status 1 on sale, 2 withdrawn.
struct GoodsRecord: Sendable, Equatable {
    /// The columns of `goods g` with its merchant `m` (left-joined) and the sales figures.
    static let columns = """
        g.id, g.catalogue, g.merchant_id, m.oper_id, g.category_id, g.name, g.description, g.buy_info, g.thumb_url,
        g.pic, g.pic_list::text AS pic_list, to_char(g.start_date, 'YYYY-MM-DD') AS start_date,
        to_char(g.end_date, 'YYYY-MM-DD') AS end_date,
        to_char(coalesce(g.opens_at, m.opens_at), 'HH24:MI:SS') AS opens_at,
        to_char(coalesce(g.closes_at, m.closes_at), 'HH24:MI:SS') AS closes_at,
        g.limit_count, g.specs::text AS specs, g.sort_order, g.status, pr.min_price, pr.max_price,
        pr.min_market_price, pr.max_market_price, sales.sold, sales.sold_last_month
        """
    static let joins = """
        merchants.goods g
        LEFT JOIN merchants.merchants m ON m.id = g.merchant_id
        LEFT JOIN LATERAL (
            SELECT min(p.price) AS min_price, max(p.price) AS max_price, min(p.market_price) AS min_market_price,
                   max(p.market_price) AS max_market_price
              FROM merchants.products p WHERE p.goods_id = g.id
        ) pr ON true
        LEFT JOIN LATERAL (
            SELECT coalesce(sum(r.quantity - r.returned), 0) AS sold,
                   coalesce(sum(r.quantity - r.returned) FILTER (WHERE r.committed_at > now() - interval '30 days'), 0)
                     AS sold_last_month
              FROM merchants.reservations r WHERE r.goods_id = g.id AND r.state = 'committed'
        ) sales ON true
        """

    static let onSale: Int64 = 1
    static let withdrawn: Int64 = 2

    let id: Int64
    let catalogue: GoodsCatalogue
    let merchantID: Int64?
    let operID: Int64?
    let categoryID: Int64?
    let name: String
    let description: String
    let buyInfo: String
    let thumbURL: String
    let pic: String
    let picList: [String]
    let startDate: String?
    let endDate: String?
    let opensAt: String?
    let closesAt: String?
    let limitCount: Int64
    let specs: GoodsSpecs
    let sortOrder: Int64
    let status: Int64
    /// The lowest and highest price and market price over the products (0 without products).
    let minPrice: Int64
    let maxPrice: Int64
    let minMarketPrice: Int64
    let maxMarketPrice: Int64
    let sold: Int64
    let soldLastMonth: Int64

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        let catalogueText: String = try row.decode("catalogue")
        catalogue = GoodsCatalogue(rawValue: catalogueText) ?? .mall
        merchantID = try row.decode("merchant_id")
        operID = try row.decode("oper_id")
        categoryID = try row.decode("category_id")
        name = try row.decode("name")
        description = try row.decode("description")
        buyInfo = try row.decode("buy_info")
        thumbURL = try row.decode("thumb_url")
        pic = try row.decode("pic")
        let pictures: String = try row.decode("pic_list")
        if case .array(let items)? = try? JSONValue.parse(pictures) {
            picList = items.compactMap(\.stringValue)
        } else {
            picList = []
        }
        startDate = try row.decode("start_date")
        endDate = try row.decode("end_date")
        opensAt = try row.decode("opens_at")
        closesAt = try row.decode("closes_at")
        limitCount = try row.decode("limit_count")
        specs = GoodsSpecs(storedJSON: try row.decode("specs", as: String.self)) ?? GoodsSpecs([])
        sortOrder = try row.decode("sort_order")
        status = try row.decode("status")
        minPrice = try row.decode("min_price", as: Int64?.self) ?? 0
        maxPrice = try row.decode("max_price", as: Int64?.self) ?? 0
        minMarketPrice = try row.decode("min_market_price", as: Int64?.self) ?? 0
        maxMarketPrice = try row.decode("max_market_price", as: Int64?.self) ?? 0
        sold = try row.decode("sold")
        soldLastMonth = try row.decode("sold_last_month")
    }
}

/// One sellable variant of a goods item with its own SKU, prices (fen, or gold coins in the points
/// mall) and stock.
struct ProductRecord: Sendable, Equatable {
    static let columns = "id, goods_id, spec_key, sku, market_price, price, stock"

    let id: Int64
    let goodsID: Int64
    let specKey: String
    let sku: String
    let marketPrice: Int64
    let price: Int64
    let stock: Int64

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        goodsID = try row.decode("goods_id")
        specKey = try row.decode("spec_key")
        sku = try row.decode("sku")
        marketPrice = try row.decode("market_price")
        price = try row.decode("price")
        stock = try row.decode("stock")
    }
}
