import Mesh
import ServiceKit

/// What the demo merchants take from the content service before anything is written: the paths of the
/// stored demo images by name, the region of every place (in the places' order) and the goods
/// categories' ids by name. Every call may be repeated: the reading calls change nothing, and each
/// image is stored under a fixed idempotency key (`demo-merchants-<name>`), so a retry or a second
/// replica gets the same file.
struct DemoContentFacts: Sendable {
    static let imagePurpose = "demo"

    let images: [String: String]
    let regions: [RegionsLocate.Reply]
    let goodsCategories: [String: Int64]

    /// Asks content for the facts of `places`; an unreachable content service is a retryable error.
    static func gather(
        for places: [DemoMerchantPlace], mesh: MeshClient
    ) async throws(DemoMerchantsError) -> DemoContentFacts {
        var images: [String: String] = [:]
        for (name, base64) in DemoMerchantImages.all {
            let stored = await mesh.call(
                FilesStore.self, .init(contentBase64: base64, purpose: imagePurpose),
                idempotencyKey: "demo-merchants-\(name)")
            images[name] = try answer(stored, of: FilesStore.self).relativeImageURL
        }
        var regions: [RegionsLocate.Reply] = []
        for place in places {
            let located = await mesh.call(
                RegionsLocate.self, .init(longitude: place.longitude, latitude: place.latitude))
            regions.append(try answer(located, of: RegionsLocate.self))
        }
        let listed = await mesh.call(GoodsCategoriesList.self, .init())
        var goodsCategories: [String: Int64] = [:]
        for category in try answer(listed, of: GoodsCategoriesList.self).categories
        where goodsCategories[category.name] == nil {
            goodsCategories[category.name] = category.id
        }
        return DemoContentFacts(images: images, regions: regions, goodsCategories: goodsCategories)
    }

    /// The stored path of demo image `name`.
    func image(_ name: String) throws(DemoMerchantsError) -> String {
        guard let path = images[name] else { throw DemoMerchantsError("no demo image is named \(name)") }
        return path
    }

    /// The reply in `outcome`: a call that got no answer is worth another try, a refusal is not.
    private static func answer<C: MeshContract>(
        _ outcome: MeshOutcome<C.Reply>, of _: C.Type
    ) throws(DemoMerchantsError) -> C.Reply {
        switch outcome {
        case .ok(let reply): return reply
        case .refused(let refusal):
            throw DemoMerchantsError("content refused \(C.name): \(refusal.kind.rawValue) \(refusal.message)")
        case .failed(let error): throw DemoMerchantsError(error.description, isRetryable: true)
        }
    }
}
