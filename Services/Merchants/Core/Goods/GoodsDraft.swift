/// The fields of a goods item an admin gives when creating or editing it; nil leaves a field as it is,
/// and `.some(nil)` clears a field that may be empty (merchant, category, dates, own hours). Days are
/// `yyyy-MM-dd`.
struct GoodsDraft: Sendable {
    var catalogue: GoodsCatalogue?
    var merchantID: Int64??
    var categoryID: Int64??
    var name: String?
    var description: String?
    var buyInfo: String?
    var thumbURL: String?
    var pic: String?
    var picList: [String]?
    var startDate: String??
    var endDate: String??
    var hours: BusinessHours??
    var limitCount: Int64?
    var sortOrder: Int64?
    var specs: GoodsSpecs?
    var products: [ProductDraft]?
}

/// One product as the admin gives it: prices in fen, or whole gold coins in the points mall.
struct ProductDraft: Sendable, Hashable {
    let specKey: String
    let sku: String
    let marketPrice: Int64
    let price: Int64
    let stock: Int64
}

/// What the admin's goods list is narrowed to; nil does not narrow. `keyword` is matched literally in
/// the name.
struct GoodsFilter: Sendable {
    var catalogue: GoodsCatalogue?
    var merchantID: Int64?
    var categoryID: Int64?
    var status: Int64?
    var keyword: String?
}
