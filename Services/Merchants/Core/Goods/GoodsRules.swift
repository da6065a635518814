import ServiceKit

/// The rules a goods item keeps whatever is edited, checked on the item as it would stand after the
/// change: a voucher belongs to a merchant, has both validity dates and a single product; a points-mall
/// item has a category; the end date is not before the start date; there is exactly one product per
/// spec combination.
enum GoodsRules {
    /// The item as it would stand: its catalogue, merchant, category, dates, specs and product keys.
    struct Item {
        let catalogue: GoodsCatalogue
        let merchantID: Int64?
        let categoryID: Int64?
        let startDate: String?
        let endDate: String?
        let specs: GoodsSpecs
        let productKeys: [String]
    }

    static func check(_ item: Item) throws {
        if item.catalogue == .voucher {
            guard item.merchantID != nil else { throw InputProblem("merchant_id", .missing) }
            guard item.startDate != nil else { throw InputProblem("start_date", .missing) }
            guard item.endDate != nil else { throw InputProblem("end_date", .missing) }
            guard item.specs.isSingle else {
                throw PlainRefusal.invalid("specs must be empty: a voucher has a single product")
            }
        }
        if item.catalogue == .points && item.categoryID == nil { throw InputProblem("category_id", .missing) }
        if let start = item.startDate, let end = item.endDate, end < start {
            throw PlainRefusal.invalid("end_date \(end) is before start_date \(start)")
        }
        try checkProducts(item.productKeys, specs: item.specs)
    }

    /// Exactly one product per combination of `specs`.
    static func checkProducts(_ keys: [String], specs: GoodsSpecs) throws {
        let wanted = specs.allKeys
        let given = Set(keys)
        let allowed = Set(wanted)
        if let missing = wanted.first(where: { !given.contains($0) }) {
            throw PlainRefusal.invalid(
                missing.isEmpty
                    ? "products must hold one product" : "products has no product for the spec combination \(missing)")
        }
        if let stray = keys.first(where: { !allowed.contains($0) }) {
            throw PlainRefusal.invalid("products has a product for \(stray), which the specs do not allow")
        }
        guard keys.count == wanted.count else {
            throw PlainRefusal.invalid("products must hold exactly one product per spec combination")
        }
    }
}
