import JSON
import Mesh
import ServiceKit

/// Admin operations on goods: `goods.list` (`page`?, `page_size`?, `catalogue`?, `merchant_id`?,
/// `category_id`?, `status`?, `keyword`?), `goods.get` (`goods_id`: with its products and its last
/// stock ledger rows), `goods.create` (`catalogue` and the fields of `GoodsInput` and `SpecsInput`),
/// `goods.update` (`goods_id` and the fields to change), `goods.publish` and `goods.withdraw`
/// (`goods_id`).
///
/// A new item starts withdrawn; publishing needs a product. The catalogue never changes. A given
/// `category_id` must be a goods category of the content service, and a points-mall item needs one.
/// `products` on an update is the whole set again: a product keeps its id while its combination
/// stays, and a changed stock is written to the ledger. Once an order reserved stock of an item, its
/// specs and products cannot change.
struct GoodsAdmin: Sendable {
    static let ledgerRows = 20

    let stores: MerchantsStores
    var rendering: AdminRendering { AdminRendering(stores: stores) }

    func register(on handlers: inout AdminHandlers) {
        let admin = self
        handlers.on("goods.list") { call in try await admin.list(call.parameters) }
        handlers.on("goods.get") { call in try await admin.detail(try call.parameters.id("goods_id")) }
        handlers.on("goods.create") { call in try await admin.create(call) }
        handlers.on("goods.update") { call in try await admin.update(call) }
        handlers.on("goods.publish") { call in
            let id = try call.parameters.id("goods_id")
            try await admin.stores.editor.publish(id: id)
            return try await admin.detail(id)
        }
        handlers.on("goods.withdraw") { call in
            let id = try call.parameters.id("goods_id")
            try await admin.stores.editor.withdraw(id: id)
            return try await admin.detail(id)
        }
    }

    func list(_ input: Parameters) async throws -> CanonicalReply {
        let page = try input.page(defaultSize: stores.settings.pageSize)
        let filter = GoodsFilter(
            catalogue: try Self.catalogue(input), merchantID: try input.positiveInteger("merchant_id", maximum: .max),
            categoryID: try input.positiveInteger("category_id", maximum: .max),
            status: try input.integer("status", in: 1...2), keyword: try input.text("keyword", maxLength: 50))
        let (goods, total) = try await stores.goods.page(filter, page)
        return .ok(page.reply(list: goods.map { .object(rendering.goods($0)) }, total: total))
    }

    func detail(_ id: Int64) async throws -> CanonicalReply {
        guard let (goods, onSale) = try await stores.goods.item(id: id, today: stores.settings.today()) else {
            throw PlainRefusal.notFound("no goods item with goods_id \(id)")
        }
        let products = try await stores.goods.products(of: id)
        let ledger = try await stores.ledger.entries(goods: id, limit: Self.ledgerRows)
        return .ok(rendering.goodsDetail(goods, onSale: onSale, products: products, ledger: ledger))
    }

    func create(_ call: AdminCall) async throws -> CanonicalReply {
        let input = call.parameters
        guard let catalogue = try Self.catalogue(input) else { throw InputProblem("catalogue", .missing) }
        var draft = try GoodsInput.draft(input, creating: true)
        draft.specs = try SpecsInput.specs(input)
        draft.products = try SpecsInput.products(input, specs: draft.specs ?? GoodsSpecs([]), catalogue: catalogue)
        guard draft.products != nil else { throw InputProblem("products", .missing) }
        try await checkCategory(draft.categoryID ?? nil, requestID: call.context.requestID)
        let id = try await stores.editor.create(draft, catalogue: catalogue, actor: Parameters.actor(call.adminID))
        return try await detail(id)
    }

    func update(_ call: AdminCall) async throws -> CanonicalReply {
        let input = call.parameters
        let id = try input.id("goods_id")
        var draft = try GoodsInput.draft(input, creating: false)
        draft.catalogue = try Self.catalogue(input)
        guard let (current, _) = try await stores.goods.item(id: id, today: stores.settings.today()) else {
            throw PlainRefusal.notFound("no goods item with goods_id \(id)")
        }
        draft.specs = try SpecsInput.specs(input)
        draft.products = try SpecsInput.products(
            input, specs: draft.specs ?? current.specs, catalogue: current.catalogue)
        try await checkCategory(draft.categoryID ?? nil, requestID: call.context.requestID)
        guard try await stores.editor.update(id: id, draft, actor: Parameters.actor(call.adminID)) else {
            throw PlainRefusal.notFound("no goods item with goods_id \(id)")
        }
        return try await detail(id)
    }

    /// Refuses a category that is not one of the content service's goods categories.
    private func checkCategory(_ id: Int64?, requestID: String) async throws {
        guard let id else { return }
        let categories = try await stores.content.goodsCategories(requestID: requestID)
        guard categories.contains(where: { $0.id == id }) else {
            throw PlainRefusal.invalid("category_id \(id) is not a goods category of the content service")
        }
    }

    private static func catalogue(_ input: Parameters) throws -> GoodsCatalogue? {
        try input.choice("catalogue", among: Set(GoodsCatalogue.allCases.map(\.rawValue)))
            .flatMap(GoodsCatalogue.init(rawValue:))
    }
}
