import Crypto
import JSON
import Mesh
import Postgres
import ServiceKit

/// The operations other services call on `POST /internal/{name}`, one per contract:
///
/// - `regions.lookup` (`RegionsLookup`): at most `lookupLimit` codes; the known ones answer, in the
///   order asked, each once.
/// - `regions.locate` (`RegionsLocate`): the province, city and county of a point in China.
/// - `categories.goods` (`GoodsCategoriesList`): every goods category, in display order.
/// - `files.store` (`FilesStore`): the image is kept under its content's hash, so the same bytes give
///   the same file; its idempotency key is bound to the file, and reused for other bytes it is refused.
struct ContentInternalOperations: Sendable {
    static let lookupLimit = 100

    let stores: ContentStores
    let database: PostgresPool

    func register(on handlers: inout InternalHandlers) {
        let operations = self
        handlers.on(RegionsLookup.self) { request, _, _ in operations.lookup(request) }
        handlers.on(RegionsLocate.self) { request, _, _ in operations.locate(request) }
        handlers.on(GoodsCategoriesList.self) { _, _, _ in try await operations.goodsCategories() }
        handlers.on(FilesStore.self) { request, call, _ in
            try await operations.store(request, key: try call.checkedIdempotencyKey())
        }
    }

    func lookup(_ request: RegionsLookup.Request) -> MeshAnswer<RegionsLookup.Reply> {
        guard request.codes.count <= Self.lookupLimit else {
            return .failure(
                .invalidParams, "codes may list at most \(Self.lookupLimit) codes, got \(request.codes.count)")
        }
        var seen = Set<String>()
        var regions: [RegionsLookup.Region] = []
        for code in request.codes {
            guard seen.insert(code).inserted, let region = stores.regions.catalog.region(code) else { continue }
            regions.append(
                RegionsLookup.Region(
                    code: region.code, name: region.name, level: Int64(region.level.rawValue),
                    parentCode: region.parentCode, longitude: region.longitudeText, latitude: region.latitudeText))
        }
        return .ok(RegionsLookup.Reply(regions: regions))
    }

    func locate(_ request: RegionsLocate.Request) -> MeshAnswer<RegionsLocate.Reply> {
        let input = Parameters(["lng": .string(request.longitude), "lat": .string(request.latitude)])
        guard let longitude = try? input.longitude("lng"), let latitude = try? input.latitude("lat") else {
            return .failure(.invalidParams, "longitude and latitude must be decimal degrees within range")
        }
        guard let placement = stores.regions.placement(at: GeoPoint(longitude: longitude, latitude: latitude)) else {
            return .failure(.notFound, "the point is not in China")
        }
        func name(_ region: Region) -> RegionsLocate.PlaceName { .init(code: region.code, name: region.name) }
        return .ok(
            RegionsLocate.Reply(
                province: name(placement.province), city: name(placement.city), county: name(placement.county)))
    }

    func goodsCategories() async throws -> MeshAnswer<GoodsCategoriesList.Reply> {
        let categories = try await stores.categories.all(type: .goods)
        return .ok(
            GoodsCategoriesList.Reply(
                categories: categories.map {
                    .init(id: $0.id, parentID: $0.parentID, name: $0.name, code: $0.code)
                }))
    }

    func store(_ request: FilesStore.Request, key: String) async throws -> MeshAnswer<FilesStore.Reply> {
        let encoded = request.contentBase64
        let purpose = request.purpose ?? "internal"
        guard (1...32).contains(purpose.utf8.count),
            purpose.utf8.allSatisfy({ ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || $0 == UInt8(ascii: "_") })
        else { return .failure(.invalidParams, "purpose must be 1 to 32 lower-case letters or '_'") }
        guard encoded.utf8.count <= (stores.settings.maxUploadBytes / 3 + 1) * 4 + 4 else {
            return .failure(.invalidParams, UploadRefusal.tooLarge(limit: stores.settings.maxUploadBytes).message)
        }
        guard let bytes = try await BlockingWork.run({ Base64.decode(encoded) }) else {
            return .failure(.invalidParams, "content_base64 is not valid base64")
        }
        let stored: StoredFile
        switch try await stores.files.store(bytes, purpose: purpose) {
        case .success(let file): stored = file
        case .failure(let refusal): return .failure(.invalidParams, refusal.message)
        }
        let claimed = try await database.query(
            """
            INSERT INTO content.file_store_keys (idempotency_key, file_id) VALUES (\(key), \(stored.id))
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING file_id
            """)
        var owner = stored.id
        if claimed.isEmpty {
            let earlier = try await database.query(
                "SELECT file_id FROM content.file_store_keys WHERE idempotency_key = \(key)")
            owner = try earlier.first?.decode("file_id", as: Int64.self) ?? stored.id
        }
        guard owner == stored.id else {
            return .failure(.invalidParams, "this Idempotency-Key was used to store other bytes")
        }
        let relative = stored.relativeURL
        return .ok(
            FilesStore.Reply(
                fileID: stored.id, imageURL: stores.settings.publicBaseURL + relative, relativeImageURL: relative))
    }
}
