import Foundation
import ServiceKit

/// The merchants service: merchant categories, merchants with geo search, goods, SKUs and stock.
public enum MerchantsService {
    public static let descriptor = ServiceDescriptor(
        name: "merchants", defaultPort: 8104, schema: "merchants",
        migrations: Bundle.module.url(forResource: "Migrations", withExtension: nil))

    /// The service's own routes (the standard health, readiness and metrics routes come with ServiceKit).
    public static func routes(_ application: ServiceApplication) async throws -> [Route] {
        []
    }
}
