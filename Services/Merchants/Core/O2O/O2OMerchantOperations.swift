import JSON
import Mesh
import ServiceKit

/// The merchant and goods operations of the O2O mini-program (document 001): `merchant/categories/tree`,
/// `merchants` (search, nearby with `lng`/`lat`/`radius`), `merchant/detail`, `goods` and
/// `goods/detail`. They need the `wxLogin` token but no bound mobile. `isOperSelf` compares the
/// merchant's operations centre with the calling mini-program's appid.
///
/// Readings where the document is silent: `radius` is metres, above zero, and cut to
/// `NEARBY_MAX_RADIUS_METRES`; `distance` is whole metres (great-circle); `keyword` is at most 50
/// characters matched literally in the name or brand; `city_id` is the city's region code; pages
/// hold `PAGE_SIZE` merchants; an unknown or hidden category, merchant or goods item answers "not
/// found" (500 with its message), never an empty list.
struct O2OMerchantOperations: Sendable {
    static let keywordLimit = 50

    let stores: MerchantsStores
    var rendering: O2OMerchantRendering { O2OMerchantRendering(stores: stores) }

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(.o2o, "merchant/categories/tree", access: .session) { _ in try await operations.categoryTree() }
        handlers.on(.o2o, "merchants", access: .session) { call in try await operations.merchants(call) }
        handlers.on(.o2o, "merchant/detail", access: .session) { call in try await operations.merchantDetail(call) }
        handlers.on(.o2o, "goods", access: .session) { call in try await operations.goodsList(call) }
        handlers.on(.o2o, "goods/detail", access: .session) { call in try await operations.goodsDetail(call) }
    }

    func categoryTree() async throws -> CanonicalReply {
        let tree = CategoryTree(try await stores.categories.all())
        return .ok(.object(["list": .array(tree.nodes.map(rendering.category))]))
    }

    func merchants(_ call: OperationCall) async throws -> CanonicalReply {
        let input = call.parameters
        var search = MerchantSearch(
            point: try point(input), radiusMetres: nil, cityID: nil, keyword: nil, categoryID: nil,
            page: try PageRequest(input.values["page"], size: stores.settings.pageSize).page,
            pageSize: stores.settings.pageSize)
        if let radius = try input.decimal("radius", in: -1e12...1e12), search.point != nil {
            guard radius > 0 else { throw InputProblem("radius", .malformed("须为大于 0 的米数")) }
            search.radiusMetres = min(radius, Double(stores.settings.maximumRadiusMetres))
        }
        if let city = try input.integer("city_id", in: 0...999_999), city != 0 {
            guard city >= 100_000 else { throw InputProblem("city_id", .malformed("须为六位城市编码")) }
            search.cityID = String(city)
        }
        search.keyword = try input.text("keyword", maxLength: Self.keywordLimit)
        if let category = try input.integer("merchant_category_id", in: 0...Int64.max), category != 0 {
            guard try await stores.categories.shown(id: category) != nil else {
                throw PlainRefusal.notFound("商家类别不存在")
            }
            search.categoryID = category
        }
        let (merchants, total) = try await stores.merchants.search(search)
        return .ok(
            .object([
                "total": .integer(Int64(total)),
                "list": .array(merchants.map { rendering.merchant($0, appID: call.mesh.appID) }),
            ]))
    }

    func merchantDetail(_ call: OperationCall) async throws -> CanonicalReply {
        let id = try call.parameters.id("id")
        guard let merchant = try await stores.merchants.listed(id: id, from: try point(call.parameters)) else {
            throw PlainRefusal.notFound("商户不存在")
        }
        return .ok(rendering.merchant(merchant, appID: call.mesh.appID))
    }

    func goodsList(_ call: OperationCall) async throws -> CanonicalReply {
        let merchantID = try call.parameters.id("merchant_id")
        guard try await stores.merchants.listed(id: merchantID, from: nil) != nil else {
            throw PlainRefusal.notFound("商户不存在")
        }
        let goods = try await stores.goods.onSale(merchant: merchantID, today: stores.settings.today())
        let products = try await stores.goods.products(of: goods.map(\.id))
        return .ok(
            .object([
                "list": .array(goods.map { rendering.goods($0, product: products[$0.id]?.first) })
            ]))
    }

    func goodsDetail(_ call: OperationCall) async throws -> CanonicalReply {
        let id = try call.parameters.id("id")
        guard let goods = try await stores.goods.onSale(id: id, catalogue: .voucher, today: stores.settings.today())
        else { throw PlainRefusal.notFound("商品不存在或已下架") }
        let product = try await stores.goods.products(of: goods.id).first
        return .ok(rendering.goods(goods, product: product))
    }

    /// The caller's point: both `lng` and `lat`, or neither.
    private func point(_ input: Parameters) throws -> MerchantSearch.Point? {
        let longitude = try input.longitude("lng")
        let latitude = try input.latitude("lat")
        switch (longitude, latitude) {
        case (let longitude?, let latitude?): return MerchantSearch.Point(longitude: longitude, latitude: latitude)
        case (nil, nil): return nil
        case (nil, _?): throw InputProblem("lng", .malformed("与 lat 一同传递"))
        case (_?, nil): throw InputProblem("lat", .malformed("与 lng 一同传递"))
        }
    }
}
