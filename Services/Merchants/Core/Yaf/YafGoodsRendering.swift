import JSON
import ServiceKit

/// The points-mall shapes of the app base API (document 003): prices are whole gold coins.
struct YafGoodsRendering: Sendable {
    static let singleProductKey = "single_product"
    static let albumLimit = 5

    let stores: MerchantsStores

    /// A `goods.list` item.
    func summary(_ goods: GoodsRecord) -> JSONValue {
        .object([
            "goodsid": .integer(goods.id), "goods_name": .string(goods.name), "min_price": .integer(goods.minPrice),
            "max_price": .integer(goods.maxPrice), "goods_img": .string(stores.imageURL(goods.pic)),
            "buy_count": .integer(goods.sold), "month_buy_count": .integer(goods.soldLastMonth),
        ])
    }

    /// The `goods.detail` reply: `spec_val` is `[]` for a single-spec item, else each spec's values;
    /// `products` is keyed `single_product` or by the product's spec key (`颜色:::红色`).
    func detail(_ goods: GoodsRecord, products: [ProductRecord]) -> JSONValue {
        var keyed = JSONObject()
        for product in products {
            let choices = goods.specs.choices(of: product.specKey) ?? []
            let key = goods.specs.isSingle ? Self.singleProductKey : product.specKey
            keyed[key] = .object([
                "productid": .integer(product.id), "market_price": .integer(product.marketPrice),
                "sales_price": .integer(product.price), "stock": .integer(product.stock),
                "spec_val": .string(product.specKey), "skuid": .string(product.sku),
                "arr_spec_val": choices.isEmpty
                    ? .array([]) : .object(JSONObject(choices.map { ($0.name, JSONValue.string($0.value)) })),
            ])
        }
        var specs = JSONObject()
        for spec in goods.specs.specs { specs[spec.name] = .array(spec.values.map(JSONValue.string)) }
        return .object([
            "goodsid": .integer(goods.id), "goods_name": .string(goods.name),
            "min_market_price": .integer(goods.minMarketPrice), "max_market_price": .integer(goods.maxMarketPrice),
            "min_price": .integer(goods.minPrice), "max_price": .integer(goods.maxPrice),
            "goods_img": .string(stores.imageURL(goods.pic)), "buy_count": .integer(goods.sold),
            "month_buy_count": .integer(goods.soldLastMonth), "limit_count": .integer(goods.limitCount),
            "description": .string(goods.description), "products": .object(keyed),
            "spec_val": goods.specs.isSingle ? .array([]) : .object(specs),
            "goods_image": .array(goods.picList.prefix(Self.albumLimit).map { .string(stores.imageURL($0)) }),
        ])
    }
}
