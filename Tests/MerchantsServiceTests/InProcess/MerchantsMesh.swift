import ContentService
import MerchantsService
import Mesh
import Postgres
import ServiceHarness

/// The merchants service with the content service it calls (goods categories, regions, files), both
/// in this process. Demo merchants are not seeded, so every test sees only the rows it makes.
enum MerchantsMesh {
    static let services = [
        InProcessService(.content, descriptor: ContentService.descriptor, routes: ContentService.routes),
        InProcessService(.merchants, descriptor: MerchantsService.descriptor, routes: MerchantsService.routes),
    ]

    static func with<T>(
        _ environment: [String: String] = [:], _ body: (InProcessMesh, MerchantsFixture) async throws -> T
    ) async throws -> T {
        var values = ["MERCHANTS_SEED_DEMO_MERCHANTS": "false"]
        values.merge(environment) { _, given in given }
        return try await InProcessMesh.with(services, environment: values) { mesh in
            guard let database = mesh.database(of: .merchants) else {
                throw InProcessMeshError("no merchants database")
            }
            return try await body(mesh, MerchantsFixture(database: database))
        }
    }
}
