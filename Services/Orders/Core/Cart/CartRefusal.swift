import Mesh
import ServiceKit

/// Why the cart refuses a change; the mobile dialect answers every one of them `false`, with the words
/// and kind in the canonical reply for the log and the other callers.
enum CartRefusal: Refusal, Equatable {
    /// No mobile-mall product has this goods item and product.
    case unknownProduct
    /// The item is withdrawn, outside its dates, or its merchant is closed.
    case notOnSale
    /// The cart would hold more of the product than its stock (`inCart` is what the line holds now).
    case overStock(stock: Int64, inCart: Int64)
    /// The member has no cart line with this id.
    case unknownLine
    /// The cart holds as many different products as it may.
    case cartFull(maximum: Int)

    var kind: ReplyKind {
        switch self {
        case .unknownProduct, .unknownLine: .notFound
        case .notOnSale, .cartFull: .invalidState
        case .overStock: .outOfStock
        }
    }

    var message: String {
        switch self {
        case .unknownProduct: "商品不存在"
        case .notOnSale: "商品已下架"
        case .overStock(let stock, let inCart) where inCart > 0: "库存不足：库存 \(stock) 件，购物车中已有 \(inCart) 件"
        case .overStock(let stock, _): "库存不足：库存 \(stock) 件"
        case .unknownLine: "购物车中没有这件商品"
        case .cartFull(let maximum): "购物车已满：至多 \(maximum) 种商品"
        }
    }
}
