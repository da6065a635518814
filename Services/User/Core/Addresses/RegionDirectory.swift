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
        switch await mesh.call(RegionsLookup.self, RegionsLookup.Request(codes: codes), requestID: requestID) {
        case .ok(let reply):
            var regions: [String: Region] = [:]
            for region in reply.regions {
                guard let level = Int(exactly: region.level) else { continue }
                regions[region.code] = Region(
                    code: region.code, name: region.name, level: level, parentCode: region.parentCode)
            }
            return regions
        case .refused(let reply):
            throw UpstreamFailure(contract: RegionsLookup.self, refusal: reply)
        case .failed(let error):
            throw UpstreamFailure(contract: RegionsLookup.self, error: error)
        }
    }
}
