import Foundation
import ServiceKit

/// The user service: profiles, passengers, delivery addresses, payment methods, wallet and points ledger.
public enum UserService {
    public static let descriptor = ServiceDescriptor(
        name: "user", defaultPort: 8102, schema: "users",
        migrations: Bundle.module.url(forResource: "Migrations", withExtension: nil))

    /// The service's own routes (the standard health, readiness and metrics routes come with ServiceKit).
    public static func routes(_ application: ServiceApplication) async throws -> [Route] {
        []
    }
}
