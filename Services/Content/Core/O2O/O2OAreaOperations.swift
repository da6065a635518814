import JSON
import Mesh
import ServiceKit

/// The region operations of the O2O mini-program (document 001): the province / city / county tree,
/// the cities grouped by the first letter of their pinyin with the hot cities first, and the place of
/// a GPS point.
struct O2OAreaOperations: Sendable {
    /// The group of hot cities in `area/cities/withHot`.
    static let hotGroup = "热门"

    let stores: ContentStores
    /// The whole tree for each tier (1–3), built once.
    private let trees: [JSONValue]
    /// The city directory grouped by initial, letters in order.
    private let groups: [(letter: String, cities: [JSONValue])]

    init(stores: ContentStores) {
        self.stores = stores
        let catalog = stores.regions.catalog
        trees = (1...3).map { tier in
            .object(["list": .array(catalog.provinces.map { Self.node($0, catalog: catalog, tier: tier) })])
        }
        var byLetter: [String: [JSONValue]] = [:]
        for city in catalog.cityDirectory {
            byLetter[stores.regions.initial(of: city), default: []].append(Self.item(city))
        }
        groups = byLetter.keys.sorted().map { ($0, byLetter[$0] ?? []) }
    }

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(.o2o, "area/tree") { call in
            try operations.tree(call.mesh)
        }
        handlers.on(.o2o, "area/cities/withHot") { _ in
            try await operations.citiesWithHot()
        }
        handlers.on(.o2o, "area/getByGps") { call in
            try operations.locate(call.mesh)
        }
    }

    /// `{"id","area_id","name","parent_id"}`: both ids are the region code as a number, `parent_id` 0 for
    /// a province.
    static func item(_ region: Region) -> JSONValue {
        .object(fields(region))
    }

    private static func fields(_ region: Region) -> JSONObject {
        [
            "id": .number(JSONNumber(region.numericCode)), "area_id": .number(JSONNumber(region.numericCode)),
            "name": .string(region.name),
            "parent_id": .number(JSONNumber(region.parentCode.flatMap { Int($0) } ?? 0)),
        ]
    }

    private static func node(_ region: Region, catalog: RegionCatalog, tier: Int) -> JSONValue {
        var fields = fields(region)
        let children = catalog.children(of: region.code)
        if region.level.rawValue < tier && !children.isEmpty {
            fields["sub"] = .array(children.map { node($0, catalog: catalog, tier: tier) })
        }
        return .object(fields)
    }

    /// `area/tree`: provinces with their cities and counties down to `tier` (1–3, default 3).
    func tree(_ call: MeshCall) throws(PlainRefusal) -> CanonicalReply {
        let text = call.parameters["tier"]?.scalarText ?? ""
        let tier: Int
        if text.isEmpty {
            tier = 3
        } else {
            guard text.utf8.count == 1, let number = Int(text), (1...3).contains(number) else {
                throw .invalid("tier 须为 1、2 或 3")
            }
            tier = number
        }
        return .ok(trees[tier - 1])
    }

    /// `area/cities/withHot`: `热门` (the configured hot cities), then `A`…`Z`.
    func citiesWithHot() async throws -> CanonicalReply {
        let catalog = stores.regions.catalog
        let hotCodes: [String] = try await stores.cache.value("o2o.hotCities") {
            let value = try await stores.config.value(ConfigKeys.hotCityCodes)
            return value?.arrayValue?.compactMap(\.stringValue) ?? []
        }
        var data: JSONObject = [Self.hotGroup: .array(hotCodes.compactMap { catalog.region($0).map(Self.item) })]
        for group in groups { data[group.letter] = .array(group.cities) }
        return .ok(.object(data))
    }

    /// `area/getByGps`: the province, city and county of the point `lng`, `lat`; a point outside China is
    /// refused.
    func locate(_ call: MeshCall) throws -> CanonicalReply {
        let input = Parameters(call.parameters)
        guard let longitude = try input.longitude("lng") else { throw InputProblem("lng", .missing) }
        guard let latitude = try input.latitude("lat") else { throw InputProblem("lat", .missing) }
        guard let placement = stores.regions.placement(at: GeoPoint(longitude: longitude, latitude: latitude)) else {
            throw PlainRefusal.invalid("该位置不在中国境内")
        }
        return .ok(
            .object([
                "province": .string(placement.province.name),
                "province_id": .number(JSONNumber(placement.province.numericCode)),
                "city": .string(placement.city.name), "city_id": .number(JSONNumber(placement.city.numericCode)),
                "area": .string(placement.county.name), "area_id": .number(JSONNumber(placement.county.numericCode)),
            ]))
    }
}
