import Mesh
import ServiceKit

/// What the merchants service asks the content service: the province, city and county of a point, and
/// the goods categories. A refusal or no answer is an upstream failure, except a point outside China.
struct ContentLookups: Sendable {
    let mesh: MeshClient

    /// Every goods category of the content service (`cat_type` 3).
    func goodsCategories(requestID: String?) async throws -> [GoodsCategoriesList.Category] {
        switch await mesh.call(GoodsCategoriesList.self, .init(), requestID: requestID) {
        case .ok(let reply): return reply.categories
        case .refused(let refusal): throw UpstreamFailure(contract: GoodsCategoriesList.self, refusal: refusal)
        case .failed(let error): throw UpstreamFailure(contract: GoodsCategoriesList.self, error: error)
        }
    }

    /// The regions the point (`longitude`, `latitude`, decimal degrees) lies in; nil outside China.
    func place(longitude: String, latitude: String, requestID: String?) async throws -> RegionsLocate.Reply? {
        let request = RegionsLocate.Request(longitude: longitude, latitude: latitude)
        switch await mesh.call(RegionsLocate.self, request, requestID: requestID) {
        case .ok(let reply): return reply
        case .refused(let refusal) where refusal.kind == .notFound: return nil
        case .refused(let refusal): throw UpstreamFailure(contract: RegionsLocate.self, refusal: refusal)
        case .failed(let error): throw UpstreamFailure(contract: RegionsLocate.self, error: error)
        }
    }
}
