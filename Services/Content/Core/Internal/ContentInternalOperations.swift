import Crypto
import JSON
import Mesh
import Postgres
import ServiceKit

/// The operations other services call on `POST /internal/{name}`:
///
/// - `regions.lookup` `{"codes":["110000","110101"]}` (at most 100) → `{"regions":[{"code","name","level",
///   "parent_code","longitude","latitude"}]}`, the known codes only, in the order asked, each once;
///   `level` 1 province, 2 city, 3 county; `parent_code` null for a province; coordinates as the data
///   file writes them (text), null where it has none.
/// - `files.store` `{"content_base64","purpose"}` with an `Idempotency-Key` header → `{"file_id","image_url",
///   "relative_image_url"}`: a JPEG, PNG, GIF or WebP image (by its bytes) of at most 5 MiB, kept under its
///   content's hash, so the same bytes give the same file. The key is required; reused with other
///   bytes it is refused.
struct ContentInternalOperations: Sendable {
    static let lookupLimit = 100

    let stores: ContentStores
    let database: PostgresPool

    func register(on handlers: inout InternalHandlers) {
        let operations = self
        handlers.on("regions.lookup") { call, _ in
            try operations.lookup(call)
        }
        handlers.on("files.store") { call, _ in
            try await operations.store(call)
        }
    }

    func lookup(_ call: InternalCall) throws(ContentRefusal) -> CanonicalReply {
        guard let value = call.parameters["codes"] else { throw .missing("codes") }
        guard case .array(let items) = value else { throw .invalid("codes must be a list of region codes") }
        guard items.count <= Self.lookupLimit else {
            throw .invalid("codes may list at most \(Self.lookupLimit) codes, got \(items.count)")
        }
        var seen = Set<String>()
        var regions: [JSONValue] = []
        for item in items {
            guard let code = item.stringValue ?? item.numberValue?.text else {
                throw .invalid("codes must hold region codes as strings such as \"110101\"")
            }
            guard seen.insert(code).inserted, let region = stores.regions.catalog.region(code) else { continue }
            regions.append(
                .object([
                    "code": .string(region.code), "name": .string(region.name),
                    "level": .number(JSONNumber(region.level.rawValue)),
                    "parent_code": region.parentCode.map(JSONValue.string) ?? .null,
                    "longitude": region.longitudeText.map(JSONValue.string) ?? .null,
                    "latitude": region.latitudeText.map(JSONValue.string) ?? .null,
                ]))
        }
        return .ok(.object(["regions": .array(regions)]))
    }

    func store(_ call: InternalCall) async throws -> CanonicalReply {
        guard let key = call.idempotencyKey, !key.isEmpty else {
            throw ContentRefusal.invalid("files.store needs an Idempotency-Key header")
        }
        guard key.utf8.count <= 200 else {
            throw ContentRefusal.invalid("the Idempotency-Key must be at most 200 bytes")
        }
        guard let encoded = call.parameters["content_base64"]?.stringValue, !encoded.isEmpty else {
            throw ContentRefusal.missing("content_base64")
        }
        let purpose = call.parameters["purpose"]?.stringValue ?? "internal"
        guard (1...32).contains(purpose.utf8.count),
            purpose.utf8.allSatisfy({ ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || $0 == UInt8(ascii: "_") })
        else { throw ContentRefusal.invalid("purpose must be 1 to 32 lower-case letters or '_'") }
        guard encoded.utf8.count <= (stores.settings.maxUploadBytes / 3 + 1) * 4 + 4 else {
            throw ContentRefusal.invalid(UploadRefusal.tooLarge(limit: stores.settings.maxUploadBytes).message)
        }
        guard let bytes = try await BlockingWork.run({ Base64.decode(encoded) }) else {
            throw ContentRefusal.invalid("content_base64 is not valid base64")
        }
        let stored: StoredFile
        switch try await stores.files.store(bytes, purpose: purpose) {
        case .success(let file): stored = file
        case .failure(let refusal): throw ContentRefusal.invalid(refusal.message)
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
            throw ContentRefusal.invalid("this Idempotency-Key was used to store other bytes")
        }
        return .ok(stored.json(baseURL: stores.settings.publicBaseURL))
    }
}
