import JSON
import Mesh
import ServiceKit

/// The points-mall operations of the app base API (document 003): `goods.list` and `goods.detail`,
/// open to guests. `cat_id` is a goods category of the content service (`cat_type` 3) and includes
/// the categories below it; -1 (or absent) is every category. Prices are gold coins: `start_price`
/// and `end_price` bound the price of some product of the item (-1: no bound).
struct YafGoodsOperations: Sendable {
    static let keywordLimit = 50
    static let noValue = -1.0

    let stores: MerchantsStores
    var rendering: YafGoodsRendering { YafGoodsRendering(stores: stores) }

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(.yaf, "goods.list") { call in try await operations.list(call) }
        handlers.on(.yaf, "goods.detail") { call in try await operations.detail(call) }
    }

    func list(_ call: OperationCall) async throws -> CanonicalReply {
        let input = call.parameters
        let categoryID = try input.integer("cat_id", in: -1...Int64.max) ?? -1
        guard categoryID != 0 else { throw InputProblem("cat_id", .malformed("须为分类 ID 或 -1")) }
        let keyword = try input.text("keywords", maxLength: Self.keywordLimit)
        let prices = try priceRange(input)
        let page = try PageRequest(input.values["page"], size: stores.settings.pageSize)
        var categories: [Int64]?
        if categoryID > 0 { categories = try await categoryAndBelow(categoryID, requestID: call.requestID) }
        let (goods, total) = try await stores.goods.pointsPage(
            categoryIDs: categories, keyword: keyword, prices: prices, page: page, today: stores.settings.today())
        return Self.ok(page.reply(list: goods.map(rendering.summary), total: total))
    }

    func detail(_ call: OperationCall) async throws -> CanonicalReply {
        let id = try call.parameters.id("goods_id")
        guard let goods = try await stores.goods.onSale(id: id, catalogue: .points, today: stores.settings.today())
        else { throw PlainRefusal.notFound("商品不存在或已下架") }
        let products = try await stores.goods.products(of: goods.id)
        return Self.ok(rendering.detail(goods, products: products))
    }

    /// The whole gold coins from `start_price` up to `end_price`; nil when neither bounds.
    private func priceRange(_ input: Parameters) throws -> ClosedRange<Int64>? {
        let limit = 1e12
        let start = try input.decimal("start_price", in: -1...limit) ?? Self.noValue
        let end = try input.decimal("end_price", in: -1...limit) ?? Self.noValue
        for (key, value) in [("start_price", start), ("end_price", end)] where value < 0 && value != Self.noValue {
            throw InputProblem(key, .malformed("须为不小于 0 的价格，或 -1 表示不限"))
        }
        guard start != Self.noValue || end != Self.noValue else { return nil }
        let lower = start == Self.noValue ? 0 : Int64(start.rounded(.up))
        let upper = end == Self.noValue ? Int64(limit) : Int64(end.rounded(.down))
        guard start == Self.noValue || end == Self.noValue || start <= end else {
            throw InputProblem("end_price", .malformed("不能小于 start_price"))
        }
        // Bounds between two whole prices (9.2 to 9.8) hold no price: a range no price is in.
        return lower <= upper ? lower...upper : -2 ... -1
    }

    /// The ids of goods category `id` and of every category below it; not found when content has no
    /// such goods category.
    private func categoryAndBelow(_ id: Int64, requestID: String?) async throws -> [Int64] {
        let categories = try await stores.content.goodsCategories(requestID: requestID)
        guard let chosen = categories.first(where: { $0.id == id }) else { throw PlainRefusal.notFound("分类不存在") }
        let prefix = GoodsCategoryCode.prefix(of: chosen.code)
        return categories.filter { $0.code.hasPrefix(prefix) }.map(\.id)
    }

    static func ok(_ data: JSONValue) -> CanonicalReply { CanonicalReply(kind: .ok, message: "success", data: data) }
}

/// The content service's goods category codes: three digits per level, zeros after the category's own
/// level, so a category's code without its trailing empty levels starts the code of every category
/// below it.
enum GoodsCategoryCode {
    static func prefix(of code: String) -> String {
        var digits = Substring(code)
        while digits.count >= 3, digits.hasSuffix("000") { digits = digits.dropLast(3) }
        return String(digits)
    }
}
