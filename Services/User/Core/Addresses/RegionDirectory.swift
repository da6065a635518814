import Catalog
import JSON
import Mesh
import ServiceKit

/// One administrative division as the content service's region data has it.
struct Region: Sendable, Equatable {
    let code: String
    let name: String
    /// 1 province, 2 city, 3 county.
    let level: Int
    /// Nil for provinces.
    let parentCode: String?
}

/// Looks region codes up in the content service (`POST /internal/regions.lookup`).
struct RegionDirectory: Sendable {
    let mesh: MeshClient

    /// The regions among `codes` that exist, by code.
    func lookup(_ codes: [String], requestID: String?) async throws(UpstreamFailure) -> [String: Region] {
        let reply: CanonicalReply
        do {
            reply = try await mesh.call(
                .content, "regions.lookup", ["codes": .array(codes.map(JSONValue.string))], requestID: requestID)
        } catch {
            throw UpstreamFailure(service: .content, operation: "regions.lookup", detail: error.description)
        }
        guard reply.kind == .ok, let list = reply.data?["regions"]?.arrayValue else {
            throw UpstreamFailure(
                service: .content, operation: "regions.lookup", detail: "answered \(reply.kind): \(reply.message)")
        }
        var regions: [String: Region] = [:]
        for item in list {
            guard let code = item["code"]?.scalarText, let name = item["name"]?.stringValue,
                let level = item["level"]?.scalarText.flatMap({ Int($0) })
            else { continue }
            regions[code] = Region(code: code, name: name, level: level, parentCode: item["parent_code"]?.scalarText)
        }
        return regions
    }
}
