import Mesh
import ServiceKit

extension MerchantsInternalOperations {
    /// `goods.snapshots`: the known pairs in the order asked, from one read of the goods, one of the
    /// products and one centre lookup per distinct merchant.
    func snapshots(_ request: GoodsSnapshots.Request) async throws -> MeshAnswer<GoodsSnapshots.Reply> {
        let goodsIDs = Array(Set(request.items.map(\.goodsID)))
        let items = try await stores.goods.items(ids: goodsIDs, today: stores.settings.today())
        let products = try await stores.goods.products(ids: Array(Set(request.items.map(\.productID))))
        var merchants: [Int64: MerchantFacts] = [:]
        var snapshots: [GoodsSnapshot.Reply] = []
        for item in request.items {
            guard let (goods, onSale) = items[item.goodsID], let product = products[item.productID],
                product.goodsID == goods.id
            else { continue }
            var facts = MerchantFacts()
            if let merchantID = goods.merchantID {
                if let known = merchants[merchantID] {
                    facts = known
                } else {
                    facts = try await merchant(merchantID, appID: request.appID)
                    merchants[merchantID] = facts
                }
            }
            snapshots.append(snapshotReply(goods, onSale: onSale, product: product, merchant: facts))
        }
        return .ok(GoodsSnapshots.Reply(snapshots: snapshots))
    }

    /// What a snapshot tells of a goods item's merchant.
    struct MerchantFacts: Sendable {
        var name: String?
        var isOperSelf = false
        /// The app id of the merchant's operations centre's mini-program.
        var operAppID: String?
    }

    /// The name of merchant `merchantID` and whether its centre is the calling mini-program's.
    func merchant(_ merchantID: Int64, appID: String?) async throws -> MerchantFacts {
        let found = try await stores.centres.of(merchant: merchantID)
        return MerchantFacts(
            name: found?.merchantName, isOperSelf: found?.centre.isOwn(appID: appID) ?? false,
            operAppID: found?.centre.appID)
    }

    /// The snapshot of `product` of `goods`, as `goods.snapshot` and `goods.snapshots` answer it.
    func snapshotReply(
        _ goods: GoodsRecord, onSale: Bool, product: ProductRecord, merchant: MerchantFacts
    ) -> GoodsSnapshot.Reply {
        GoodsSnapshot.Reply(
            goodsID: goods.id, catalogue: goods.catalogue.rawValue, name: goods.name, merchantID: goods.merchantID,
            merchantName: merchant.name, operID: goods.operID, operAppID: merchant.operAppID,
            isOperSelf: merchant.isOperSelf, onSale: onSale,
            pic: stores.imageURL(goods.pic), thumbURL: stores.imageURL(goods.thumbURL), limitCount: goods.limitCount,
            startDate: goods.startDate, endDate: goods.endDate,
            product: GoodsSnapshot.ProductSnapshot(
                productID: product.id, specKey: product.specKey, sku: product.sku, marketPrice: product.marketPrice,
                price: product.price, stock: product.stock))
    }
}
