import JSON
import Mesh
import ServiceKit

/// Admin operations on stock: `stock.adjust` (`product_id`, `change`: a whole number other than 0, at
/// most a million either way, `reason`: up to 200 characters) counts stock in or out with a ledger row,
/// never below zero; `stock.ledger` (`product_id`, `before_id`?, `limit`? up to 200, 50 by default)
/// lists the product's ledger rows newest first, `before_id` paging back.
struct StockAdmin: Sendable {
    static let largestChange: Int64 = 1_000_000

    let stores: MerchantsStores
    var rendering: AdminRendering { AdminRendering(stores: stores) }

    func register(on handlers: inout AdminHandlers) {
        let admin = self
        handlers.on("stock.adjust") { call in try await admin.adjust(call) }
        handlers.on("stock.ledger") { call in try await admin.ledger(call.parameters) }
    }

    func adjust(_ call: AdminCall) async throws -> CanonicalReply {
        let input = call.parameters
        let productID = try input.id("product_id")
        let change = try input.requiredInteger("change", in: -Self.largestChange...Self.largestChange)
        guard change != 0 else { throw InputProblem("change", .malformed("不能为 0")) }
        let reason = try input.required("reason", maxLength: 200)
        guard
            let stock = try await stores.stock.adjust(
                product: productID, by: change, reason: reason, actor: Parameters.actor(call.adminID))
        else { throw Self.unknown(productID) }
        return .ok(
            .object(["product_id": .integer(productID), "change": .integer(change), "stock": .integer(stock)]))
    }

    func ledger(_ input: Parameters) async throws -> CanonicalReply {
        let productID = try input.id("product_id")
        let before = try input.positiveInteger("before_id", maximum: .max)
        let limit = Int(try input.integer("limit", in: 1...200) ?? 50)
        guard let product = try await stores.ledger.product(productID) else { throw Self.unknown(productID) }
        let entries = try await stores.ledger.entries(product: productID, before: before, limit: limit)
        return .ok(
            .object([
                "product_id": .integer(productID), "goods_id": .integer(product.goodsID),
                "stock": .integer(product.stock), "entries": .array(entries.map(rendering.entry)),
                "next_before_id": entries.count == limit ? entries.last.map { .integer($0.id) } ?? .null : .null,
            ]))
    }

    private static func unknown(_ id: Int64) -> PlainRefusal { .notFound("no product with product_id \(id)") }
}
