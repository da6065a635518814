import Foundation
import ServiceKit

/// The merchants service: operations centres, merchant categories, merchants with nearby search, goods
/// with their products (SKUs) and stock for the O2O vouchers, the points mall and the mobile mall.
public enum MerchantsService {
    public static let descriptor = ServiceDescriptor(
        name: "merchants", defaultPort: 8104, schema: "merchants",
        migrations: Bundle.module.url(forResource: "Migrations", withExtension: nil))

    /// The service's own routes (the standard health, readiness and metrics routes come with ServiceKit).
    /// Outside production the demo data is seeded in the background once the content service answers.
    public static func routes(_ application: ServiceApplication) async throws -> [Route] {
        guard let database = application.database else { return [] }
        let settings = try MerchantsSettings(configuration: application.configuration)
        let stores = MerchantsStores(
            database: database, settings: settings, mesh: try MeshClient(application: application))
        if settings.seedsDemoData {
            DemoMerchantsSeeder(
                seeding: DemoMerchants(database: database, mesh: stores.mesh), settings: settings,
                logger: application.logger
            ).start()
        }
        var operations = OperationHandlers(service: .merchants)
        O2OMerchantOperations(stores: stores).register(on: &operations)
        YafGoodsOperations(stores: stores).register(on: &operations)
        var internalOperations = InternalHandlers()
        MerchantsInternalOperations(stores: stores).register(on: &internalOperations)
        let admin = MerchantsAdminRegistry.handlers(stores: stores)
        return try operations.routes() + internalOperations.routes() + admin.routes()
    }
}
