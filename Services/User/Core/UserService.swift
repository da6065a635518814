import Foundation
import ServiceKit

/// The user service: profiles, passengers, delivery addresses, payment methods, wallet and points ledger.
public enum UserService {
    public static let descriptor = ServiceDescriptor(
        name: "user", defaultPort: 8102, schema: "users",
        migrations: Bundle.module.url(forResource: "Migrations", withExtension: nil))

    /// The service's own routes (the standard health, readiness and metrics routes come with ServiceKit).
    public static func routes(_ application: ServiceApplication) async throws -> [Route] {
        guard let database = application.database else { return [] }
        let settings = try UserSettings(configuration: application.configuration)
        let domain = UserDomain(database: database, mesh: try MeshClient(application: application), settings: settings)
        var operations = OperationHandlers(service: .user)
        TrainUserOperations(domain: domain).register(on: &operations)
        C2CUserOperations(domain: domain).register(on: &operations)
        YafUserOperations(domain: domain).register(on: &operations)
        MobileAddressOperations(domain: domain).register(on: &operations)
        MobileMemberOperations(domain: domain).register(on: &operations)
        var internalOperations = InternalHandlers()
        UserInternalOperations(domain: domain).register(on: &internalOperations)
        var adminOperations = AdminHandlers()
        UserAdminOperations(domain: domain).register(on: &adminOperations)
        // The gateway bounds each client request; an operation may carry a base64 avatar of up to 5 MiB.
        return try operations.routes(bodyLimit: 10 * 1024 * 1024) + internalOperations.routes()
            + adminOperations.routes()
    }
}
