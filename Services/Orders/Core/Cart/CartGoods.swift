import Mesh
import ServiceKit

/// The cart's questions to the merchants service: one product (`goods.snapshot`) when a line is saved
/// or changed, and every line's product in one call (`goods.snapshots`) when the cart is shown.
struct CartGoods: Sendable {
    let mesh: MeshClient

    /// Product `productID` of goods item `goodsID` now; nil when the merchants service knows no such
    /// product of the mobile mall.
    func product(goods goodsID: Int64, product productID: Int64, requestID: String?) async throws -> CartProduct? {
        let request = GoodsSnapshot.Request(goodsID: goodsID, productID: productID)
        switch await mesh.call(GoodsSnapshot.self, request, requestID: requestID) {
        case .ok(let snapshot): return CartProduct(snapshot)
        case .refused(let reply) where reply.kind == .notFound || reply.kind == .invalidParams: return nil
        case .refused(let reply): throw UpstreamFailure(contract: GoodsSnapshot.self, refusal: reply)
        case .failed(let error): throw UpstreamFailure(contract: GoodsSnapshot.self, error: error)
        }
    }

    /// The products of `lines` now, by product id; a product the merchants service no longer knows as
    /// the mobile mall's is left out.
    func products(of lines: [CartLineRecord], requestID: String?) async throws -> [Int64: CartProduct] {
        var products: [Int64: CartProduct] = [:]
        var start = 0
        while start < lines.count {
            let end = min(start + GoodsSnapshots.maximumItems, lines.count)
            let items = lines[start..<end].map { GoodsSnapshots.Item(goodsID: $0.goodsID, productID: $0.productID) }
            switch await mesh.call(GoodsSnapshots.self, .init(items: items), requestID: requestID) {
            case .ok(let reply):
                for snapshot in reply.snapshots {
                    if let product = CartProduct(snapshot) { products[product.productID] = product }
                }
            case .refused(let reply): throw UpstreamFailure(contract: GoodsSnapshots.self, refusal: reply)
            case .failed(let error): throw UpstreamFailure(contract: GoodsSnapshots.self, error: error)
            }
            start = end
        }
        return products
    }
}
