import JSON
import Mesh
import Postgres
import ServiceKit

/// The mobile mall's cart (document 004, section 6), answered `true` or `false` as the document shows:
/// - `member/shopcart/save` (`proId` the goods item, `proSkuId` its product, `num` 1 to 10000): adds to
///   the member's line of the product, or makes it; refused for an unknown product or one not of the
///   mobile mall, one not on sale, and a line total above the stock.
/// - `member/shopcart/num` (`shopcartId`, `number` 1 to 10000; `num` is read when `number` is not given):
///   sets a line's quantity, at most the product's stock; refused once the product is not on sale.
/// - `member/shopcart/del` (`shopcartId`, one line as the section says): removes a line.
/// - `member/shopcart/list` (a platform addition, `CartView`): the lines with their products now.
///
/// A line id the member does not have, another member's included, is refused as not found and left as
/// it is. The refusals' words (`CartRefusal`) stay in the canonical reply; the dialect writes `false`.
struct MobileCartOperations: Sendable {
    let cart: CartLines
    let goods: CartGoods

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(.mobile, "member/shopcart/save", access: .account) { call in try await operations.save(call) }
        handlers.on(.mobile, "member/shopcart/num", access: .account) { call in try await operations.setNumber(call) }
        handlers.on(.mobile, "member/shopcart/del", access: .account) { call in
            let id = try call.parameters.id("shopcartId")
            guard try await operations.cart.remove(line: id, account: call.account) else {
                throw CartRefusal.unknownLine
            }
            return .ok(true)
        }
        handlers.on(.mobile, "member/shopcart/list", access: .account) { call in
            let lines = try await operations.cart.lines(of: call.account)
            let products = try await operations.goods.products(of: lines, requestID: call.requestID)
            return CanonicalReply(kind: .ok, message: "操作成功", data: CartView.render(lines, products: products))
        }
    }

    func save(_ call: OperationCall) async throws -> CanonicalReply {
        let goodsID = try call.parameters.id("proId")
        let productID = try call.parameters.id("proSkuId")
        let quantity = try call.parameters.requiredInteger("num", in: 1...CartRules.maximumQuantity)
        let product = try await goods.product(goods: goodsID, product: productID, requestID: call.requestID)
        if let refusal = CartRules.refusal(adding: quantity, of: product) { throw refusal }
        guard let product else { throw CartRefusal.unknownProduct }
        _ = try await cart.add(quantity, of: product, account: call.account).get()
        return .ok(true)
    }

    func setNumber(_ call: OperationCall) async throws -> CanonicalReply {
        let id = try call.parameters.id("shopcartId")
        let key = call.parameters.has("number") || !call.parameters.has("num") ? "number" : "num"
        let quantity = try call.parameters.requiredInteger(key, in: 1...CartRules.maximumQuantity)
        guard let line = try await cart.line(id, account: call.account) else { throw CartRefusal.unknownLine }
        let product = try await goods.product(goods: line.goodsID, product: line.productID, requestID: call.requestID)
        if let refusal = CartRules.refusal(setting: quantity, of: product) { throw refusal }
        guard try await cart.setQuantity(quantity, line: id, account: call.account) else {
            throw CartRefusal.unknownLine
        }
        return .ok(true)
    }
}

extension MobileCartOperations {
    /// The cart over the orders schema, with the merchants service answering for the products.
    init(database: PostgresPool, mesh: MeshClient) {
        self.init(cart: CartLines(database: database), goods: CartGoods(mesh: mesh))
    }
}
