import JSON
import ServiceKit

/// The O2O document's merchant, category and goods items, every field as it lists them.
struct O2OMerchantRendering: Sendable {
    let stores: MerchantsStores

    /// `{"id","pid","name","icon","status","sub"}`; `pid` 0 for a top category.
    func category(_ node: CategoryTree.Node) -> JSONValue {
        var fields = categoryFields(node.category)
        fields["sub"] = .array(node.children.map { .object(categoryFields($0)) })
        return .object(fields)
    }

    private func categoryFields(_ category: MerchantCategory) -> JSONObject {
        [
            "id": .integer(category.id), "pid": .integer(category.parentID ?? 0), "name": .string(category.name),
            "icon": .string(stores.imageURL(category.icon)), "status": .integer(category.status),
        ]
    }

    /// A merchant item; `distance` (metres) only when the caller gave a point, `isOperSelf` 1 when the
    /// merchant's centre runs the calling mini-program.
    func merchant(_ merchant: MerchantRecord, appID: String?) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .integer(merchant.id)),
            ("oper_id", .integer(merchant.operID)),
            ("merchant_category_id", .integer(merchant.categoryID)),
            ("merchantCategoryName", .string(merchant.categoryName)),
            ("name", .string(merchant.name)),
            ("brand", .string(merchant.brand)),
            ("region", .integer(merchant.region)),
            ("address", .string(merchant.address)),
            ("province", .string(merchant.province)),
            ("province_id", Self.regionID(merchant.provinceID)),
            ("city", .string(merchant.city)),
            ("city_id", Self.regionID(merchant.cityID)),
            ("area", .string(merchant.area)),
            ("area_id", Self.regionID(merchant.areaID)),
            ("lng", Self.decimal(merchant.longitude)),
            ("lat", Self.decimal(merchant.latitude)),
            ("business_time", .array([.string(merchant.opensAt), .string(merchant.closesAt)])),
            ("logo", .string(stores.imageURL(merchant.logo))),
            ("desc_pic", .string(stores.imageURL(merchant.descriptionPicture))),
            ("desc", .string(merchant.description)),
            ("contacter", .string(merchant.contacter)),
            ("contacter_phone", .string(merchant.contacterPhone)),
            ("status", .integer(merchant.status)),
        ]
        fields.reserveCapacity(fields.count + 3)
        if let distance = merchant.distance { fields.append(("distance", .integer(distance))) }
        fields.append(("lowestAmount", Yuan.number(fen: merchant.lowestAmount)))
        fields.append(("isOperSelf", .integer(merchant.operAppID == appID ? 1 : 0)))
        return .object(JSONObject(fields))
    }

    /// A goods item with its (first) product's prices in yuan and its sold units.
    func goods(_ goods: GoodsRecord, product: ProductRecord?) -> JSONValue {
        .object([
            "id": .integer(goods.id), "oper_id": goods.operID.map(JSONValue.integer) ?? .integer(0),
            "merchant_id": .integer(goods.merchantID ?? 0), "name": .string(goods.name),
            "desc": .string(goods.description), "market_price": Yuan.number(fen: product?.marketPrice ?? 0),
            "price": Yuan.number(fen: product?.price ?? 0), "start_date": .string(goods.startDate ?? ""),
            "end_date": .string(goods.endDate ?? ""),
            "business_time": goods.opensAt.map { .array([.string($0), .string(goods.closesAt ?? "")]) }
                ?? .array([]),
            "thumb_url": .string(stores.imageURL(goods.thumbURL)), "pic": .string(stores.imageURL(goods.pic)),
            "pic_list": .array(goods.picList.map { .string(stores.imageURL($0)) }),
            "buy_info": .string(goods.buyInfo), "status": .integer(goods.status),
            "sell_number": .integer(goods.sold),
        ])
    }

    /// A six-digit region code as the number the document's ids are; 0 when the merchant has none.
    private static func regionID(_ code: String) -> JSONValue { .integer(Int64(code) ?? 0) }

    /// A stored decimal as an exact JSON number.
    private static func decimal(_ text: String) -> JSONValue {
        .number(JSONNumber(text: text) ?? JSONNumber(0))
    }
}
