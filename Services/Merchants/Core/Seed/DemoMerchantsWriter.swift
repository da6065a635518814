import Mesh
import Postgres

/// Writes the demo rows inside the seeding transaction: the centres (an existing centre of the same
/// app id is kept), the category tree, every place as an approved, open merchant in the region
/// content located it in, each merchant's vouchers, and the points mall.
struct DemoMerchantsWriter {
    let transaction: PostgresTransaction
    let facts: DemoContentFacts
    let today: String

    func write(_ places: [DemoMerchantPlace]) async throws {
        guard places.count == facts.regions.count else {
            throw DemoMerchantsError("\(places.count) places but \(facts.regions.count) regions")
        }
        let centres = try await writeCentres()
        let categories = try await writeCategories()
        let goods = DemoGoodsWriter(transaction: transaction, facts: facts)
        for (index, place) in places.enumerated() {
            guard let centre = centres[place.centre] else {
                throw DemoMerchantsError("\(place.name): no demo centre has the app id \(place.centre)")
            }
            guard let category = categories[place.category], let top = DemoCatalogue.top(of: place.category) else {
                throw DemoMerchantsError("\(place.name): no demo category is named \(place.category)")
            }
            let merchant = try await writeMerchant(
                place, region: facts.regions[index], centre: centre, category: category, top: top)
            try await goods.writeVouchers(
                of: merchant, number: index + 1, category: place.category, top: top, today: today)
        }
        try await goods.writePointsMall()
    }

    /// The centres' ids by app id.
    private func writeCentres() async throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for centre in DemoCatalogue.centres {
            ids[centre.appID] = try await transaction.query(
                """
                INSERT INTO merchants.operation_centres (name, app_id) VALUES (\(centre.name), \(centre.appID))
                ON CONFLICT (app_id) DO UPDATE SET app_id = EXCLUDED.app_id
                RETURNING id
                """
            )[0].decode("id")
        }
        return ids
    }

    /// The child categories' ids by name.
    private func writeCategories() async throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for (position, top) in DemoCatalogue.categories.enumerated() {
            let icon = try facts.image(top.iconImage)
            let parent = try await writeCategory(top.name, parent: nil, icon: icon, sort: position)
            for (childPosition, child) in top.children.enumerated() {
                ids[child] = try await writeCategory(child, parent: parent, icon: icon, sort: childPosition)
            }
        }
        return ids
    }

    private func writeCategory(_ name: String, parent: Int64?, icon: String, sort: Int) async throws -> Int64 {
        try await transaction.query(
            """
            INSERT INTO merchants.merchant_categories (parent_id, name, icon, sort_order, status)
            VALUES (\(parent), \(name), \(icon), \(sort), 1)
            RETURNING id
            """
        )[0].decode("id")
    }

    private func writeMerchant(
        _ place: DemoMerchantPlace, region: RegionsLocate.Reply, centre: Int64, category: Int64,
        top: DemoCatalogue.TopCategory
    ) async throws -> Int64 {
        let logo = try facts.image(top.logoImage)
        let picture = try facts.image(top.voucherImage)
        return try await transaction.query(
            """
            INSERT INTO merchants.merchants (oper_id, category_id, name, brand, address, province, province_id, city,
                city_id, area, area_id, lng, lat, opens_at, closes_at, logo, desc_pic, description, lowest_amount,
                weight, approval, status)
            VALUES (\(centre), \(category), \(place.name), \(place.brand), \(place.address), \(region.province.name),
                \(region.province.code), \(region.city.name), \(region.city.code), \(region.county.name),
                \(region.county.code), \(place.longitude)::numeric, \(place.latitude)::numeric,
                \(place.opensAt)::time, \(place.closesAt)::time, \(logo), \(picture), \(place.description),
                \(place.lowestAmount), \(place.weight), 'approved', 1)
            RETURNING id
            """
        )[0].decode("id")
    }
}
