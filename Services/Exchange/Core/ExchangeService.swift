import Foundation
import ServiceKit

/// The exchange service: coins, coin wallets with escrow, dealers and C2C orders.
public enum ExchangeService {
    public static let descriptor = ServiceDescriptor(
        name: "exchange", defaultPort: 8105, schema: "exchange",
        migrations: Bundle.module.url(forResource: "Migrations", withExtension: nil))

    /// The service's own routes (the standard health, readiness and metrics routes come with ServiceKit).
    public static func routes(_ application: ServiceApplication) async throws -> [Route] {
        []
    }
}
