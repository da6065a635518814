import Crypto
import JSON
import Mesh
import ServiceKit

/// Admin operations on stock: `stock.adjust` (`product_id`, `change`: a whole number other than 0, at
/// most a million either way, `reason`: up to 200 characters, `idempotency_key`?) counts stock in or out
/// with a ledger row, never below zero; with an `idempotency_key` a repeated submission answers the first
/// adjustment instead of applying again (`replayed` true); `stock.ledger` (`product_id`, `before_id`?, `limit`? up to 200, 50 by default)
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
        let key =
            try input.text("idempotency_key", maxLength: IdempotencyKeyRule.maximumLength)
            ?? "admin-stock-" + SecureRandom.token(bytes: 16)
        let outcome = try await stores.stock.adjust(
            product: productID, by: change, reason: reason, actor: Parameters.actor(call.adminID), key: key)
        let adjustment: StockAdjustment
        let replayed: Bool
        switch outcome {
        case .fresh(let applied): (adjustment, replayed) = (applied, false)
        case .replayed(let applied): (adjustment, replayed) = (applied, true)
        case .keyReused(let reused): return reused.reply
        }
        var data = adjustment.json
        data["replayed"] = .bool(replayed)
        return .ok(.object(data))
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
