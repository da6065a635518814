import Foundation
import ServiceKit

/// The content service: app init and upgrade, ads, links, categories, notices, messages, news, regions, files.
public enum ContentService {
    public static let descriptor = ServiceDescriptor(
        name: "content", defaultPort: 8106, schema: "content",
        migrations: Bundle.module.url(forResource: "Migrations", withExtension: nil))

    /// Client operations carry uploads as base64 (a 5 MiB image is about 7 MiB of JSON).
    static let operationBodyLimit = 8 * 1024 * 1024

    /// The service's own routes (the standard health, readiness and metrics routes come with ServiceKit).
    public static func routes(_ application: ServiceApplication) async throws -> [Route] {
        guard let database = application.database else { return [] }
        let settings = try ContentSettings(configuration: application.configuration)
        let regions = try await BlockingWork.run { try RegionData.loadBundled() }
        application.logger.info("region data loaded", [("regions", .int(regions.catalog.count))])
        let stores = ContentStores(database: database, settings: settings, regions: regions)
        if settings.seedsDemoContent {
            let seeded = try await DemoContent(database: database, files: stores.files).seedIfNeeded()
            if seeded { application.logger.info("demo content seeded") }
        }
        var operations = OperationHandlers(service: .content)
        let yaf = YafContentOperations(stores: stores)
        yaf.register(on: &operations)
        TrainContentOperations(stores: stores).register(on: &operations)
        O2OAreaOperations(stores: stores).register(on: &operations)
        MobileAreaOperations(regions: regions).register(on: &operations)
        var internalOperations = InternalHandlers()
        let internalFiles = ContentInternalOperations(stores: stores, database: database)
        internalFiles.register(on: &internalOperations)
        var admin = ContentAdminRegistry(stores: stores)
        AdsAdmin.register(on: &admin)
        CategoriesAdmin.register(on: &admin)
        LinksAdmin.register(on: &admin)
        NoticesAdmin.register(on: &admin)
        MessagesAdmin.register(on: &admin)
        NewsAdmin.register(on: &admin)
        VersionsAdmin.register(on: &admin)
        AppConfigAdmin.register(on: &admin)
        return try operations.routes(bodyLimit: operationBodyLimit)
            + internalOperations.routes(bodyLimit: operationBodyLimit) + admin.handlers.routes()
            + [FileRoutes.make(files: stores.files)]
    }
}
