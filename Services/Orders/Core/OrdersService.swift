import Foundation
import ServiceKit

/// The orders service: train-ticket orders, O2O and points-mall orders, cart, payments, refunds, recharges.
public enum OrdersService {
    public static let descriptor = ServiceDescriptor(
        name: "orders", defaultPort: 8103, schema: "orders",
        migrations: Bundle.module.url(forResource: "Migrations", withExtension: nil))

    /// The service's own routes (the standard health, readiness and metrics routes come with ServiceKit).
    public static func routes(_ application: ServiceApplication) async throws -> [Route] {
        guard let database = application.database else { return [] }
        let payments = try PaymentSettings(configuration: application.configuration)
        return [WeChatPayNotifyRoute.make(book: TradeBook(database: database), merchant: payments.wechat)]
    }
}
