import Foundation
import Mesh

/// A product of the mobile mall as the cart sees it now, from the merchants service's snapshot: the
/// goods item (`proId`) and product (`proSkuId`), what the member is shown, the price in fen and the
/// stock.
struct CartProduct: Sendable, Equatable {
    /// The catalogue of the merchants service whose goods the mobile mall sells.
    static let catalogue = "mall"

    let goodsID: Int64
    let productID: Int64
    let name: String
    let pic: String
    /// The spec names and the values this product picks, in spec order; empty for a single product.
    let spec: [SpecChoice]
    let sku: String
    let price: Int64
    let marketPrice: Int64
    let stock: Int64
    /// Listed, inside its validity dates and, where it has a merchant, that merchant open.
    let onSale: Bool

    init(
        goodsID: Int64, productID: Int64, name: String, pic: String, spec: [SpecChoice],
        sku: String, price: Int64, marketPrice: Int64, stock: Int64, onSale: Bool
    ) {
        self.goodsID = goodsID
        self.productID = productID
        self.name = name
        self.pic = pic
        self.spec = spec
        self.sku = sku
        self.price = price
        self.marketPrice = marketPrice
        self.stock = stock
        self.onSale = onSale
    }

    /// The product of `snapshot`; nil when the goods item is not one of the mobile mall's (a voucher or a
    /// points-mall item is not the mall's to sell).
    init?(_ snapshot: GoodsSnapshot.Reply) {
        guard snapshot.catalogue == Self.catalogue else { return nil }
        self.init(
            goodsID: snapshot.goodsID, productID: snapshot.product.productID, name: snapshot.name, pic: snapshot.pic,
            spec: Self.choices(of: snapshot.product.specKey), sku: snapshot.product.sku, price: snapshot.product.price,
            marketPrice: snapshot.product.marketPrice, stock: snapshot.product.stock, onSale: snapshot.onSale)
    }

    /// The names and values of a spec key (`颜色:::红色|||尺码:::L`); a part without its `:::` is skipped.
    static func choices(of specKey: String) -> [SpecChoice] {
        guard !specKey.isEmpty else { return [] }
        return specKey.components(separatedBy: "|||").compactMap { part in
            guard let range = part.range(of: ":::") else { return nil }
            return SpecChoice(name: String(part[..<range.lowerBound]), value: String(part[range.upperBound...]))
        }
    }
}

/// One spec of a product: its name and the value the product picks (`颜色`: `红色`).
struct SpecChoice: Sendable, Equatable {
    let name: String
    let value: String
}
