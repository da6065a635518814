import JSON
import Mesh
import ServiceKit

/// The admin surface's shapes of centres, categories, merchants, goods, products and ledger rows: each
/// id under its own name (`merchant_id`), images as clients load them, money as yuan (`80.00`) but the
/// points mall's prices as whole gold coins, times in the service's zone.
struct AdminRendering: Sendable {
    let stores: MerchantsStores

    func centre(_ centre: OperationCentre) -> JSONValue {
        .object(["oper_id": .integer(centre.id), "name": .string(centre.name), "app_id": .string(centre.appID)])
    }

    func category(_ category: MerchantCategory) -> JSONObject {
        [
            "category_id": .integer(category.id), "parent_id": category.parentID.map(JSONValue.integer) ?? .null,
            "name": .string(category.name), "icon": .string(stores.imageURL(category.icon)),
            "sort_order": .integer(category.sortOrder), "status": .integer(category.status),
        ]
    }

    /// Every category as a tree: top categories in display order, each with its `children`.
    func categoryTree(_ categories: [MerchantCategory]) -> JSONValue {
        .array(
            categories.filter { $0.parentID == nil }.map { top in
                var fields = category(top)
                fields["children"] = .array(
                    categories.filter { $0.parentID == top.id }.map { .object(category($0)) })
                return .object(fields)
            })
    }

    func merchant(_ merchant: MerchantRecord) -> JSONValue {
        .object([
            "merchant_id": .integer(merchant.id), "oper_id": .integer(merchant.operID),
            "oper_app_id": .string(merchant.operAppID), "category_id": .integer(merchant.categoryID),
            "category_name": .string(merchant.categoryName), "name": .string(merchant.name),
            "brand": .string(merchant.brand), "region": .integer(merchant.region), "address": .string(merchant.address),
            "province": .string(merchant.province), "province_id": .string(merchant.provinceID),
            "city": .string(merchant.city), "city_id": .string(merchant.cityID), "area": .string(merchant.area),
            "area_id": .string(merchant.areaID), "lng": Self.decimal(merchant.longitude),
            "lat": Self.decimal(merchant.latitude),
            "business_time": .array([.string(merchant.opensAt), .string(merchant.closesAt)]),
            "logo": .string(stores.imageURL(merchant.logo)),
            "desc_pic": .string(stores.imageURL(merchant.descriptionPicture)), "desc": .string(merchant.description),
            "contacter": .string(merchant.contacter), "contacter_phone": .string(merchant.contacterPhone),
            "lowest_amount": Yuan.number(fen: merchant.lowestAmount), "weight": .integer(merchant.weight),
            "approval": .string(merchant.approval.rawValue), "status": .integer(merchant.status),
        ])
    }

    /// A goods item as lists show it; `business_time` is its own hours or else its merchant's.
    func goods(_ goods: GoodsRecord) -> JSONObject {
        [
            "goods_id": .integer(goods.id), "catalogue": .string(goods.catalogue.rawValue),
            "merchant_id": goods.merchantID.map(JSONValue.integer) ?? .null,
            "oper_id": goods.operID.map(JSONValue.integer) ?? .null,
            "category_id": goods.categoryID.map(JSONValue.integer) ?? .null, "name": .string(goods.name),
            "desc": .string(goods.description), "buy_info": .string(goods.buyInfo),
            "thumb_url": .string(stores.imageURL(goods.thumbURL)), "pic": .string(stores.imageURL(goods.pic)),
            "pic_list": .array(goods.picList.map { .string(stores.imageURL($0)) }),
            "start_date": .optional(goods.startDate), "end_date": .optional(goods.endDate),
            "business_time": goods.opensAt.map { .array([.string($0), .string(goods.closesAt ?? "")]) } ?? .array([]),
            "limit_count": .integer(goods.limitCount),
            "specs": .array(
                goods.specs.specs.map {
                    .object(["name": .string($0.name), "values": .array($0.values.map(JSONValue.string))])
                }),
            "sort_order": .integer(goods.sortOrder), "status": .integer(goods.status),
            "min_price": money(goods.minPrice, goods.catalogue), "max_price": money(goods.maxPrice, goods.catalogue),
            "sold": .integer(goods.sold), "sold_last_month": .integer(goods.soldLastMonth),
        ]
    }

    /// A goods item with whether clients see it now, its products and its last ledger rows.
    func goodsDetail(
        _ goods: GoodsRecord, onSale: Bool, products: [ProductRecord], ledger: [StockLedgerEntry]
    ) -> JSONValue {
        var fields = self.goods(goods)
        fields["on_sale"] = .bool(onSale)
        fields["products"] = .array(products.map { product($0, of: goods) })
        fields["ledger"] = .array(ledger.map(entry))
        return .object(fields)
    }

    /// A product with its spec choices as `spec` (`{"颜色":"红色"}`).
    func product(_ product: ProductRecord, of goods: GoodsRecord) -> JSONValue {
        let choices = goods.specs.choices(of: product.specKey) ?? []
        return .object([
            "product_id": .integer(product.id), "spec_key": .string(product.specKey),
            "spec": .object(JSONObject(choices.map { ($0.name, JSONValue.string($0.value)) })),
            "sku": .string(product.sku), "market_price": money(product.marketPrice, goods.catalogue),
            "price": money(product.price, goods.catalogue), "stock": .integer(product.stock),
        ])
    }

    func entry(_ entry: StockLedgerEntry) -> JSONValue {
        .object([
            "ledger_id": .integer(entry.id), "product_id": .integer(entry.productID), "change": .integer(entry.change),
            "stock_after": .integer(entry.stockAfter), "kind": .string(entry.kind),
            "reservation_id": entry.reservationID.map(JSONValue.integer) ?? .null, "reason": .string(entry.reason),
            "actor": .string(entry.actor),
            "created_at": .string(stores.settings.displayTime.format(entry.createdAt)),
        ])
    }

    /// Fen as yuan, or gold coins as they are in the points mall.
    func money(_ amount: Int64, _ catalogue: GoodsCatalogue) -> JSONValue {
        catalogue == .points ? .integer(amount) : Yuan.number(fen: amount)
    }

    /// A stored decimal as an exact JSON number.
    private static func decimal(_ text: String) -> JSONValue { .number(JSONNumber(text: text) ?? JSONNumber(0)) }
}
