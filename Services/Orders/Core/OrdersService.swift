import Foundation
import ServiceKit

/// The orders service: train-ticket orders, O2O and points-mall orders, cart, payments, refunds, recharges.
public enum OrdersService {
    public static let descriptor = ServiceDescriptor(
        name: "orders", defaultPort: 8103, schema: "orders",
        migrations: Bundle.module.url(forResource: "Migrations", withExtension: nil))

    /// The service's own routes (the standard health, readiness and metrics routes come with ServiceKit),
    /// and the payments sweep: unpaid trades closed when their time is up, settled payments handed over.
    public static func routes(_ application: ServiceApplication) async throws -> [Route] {
        guard let database = application.database else { return [] }
        let payments = try PaymentSettings(configuration: application.configuration)
        let book = TradeBook(database: database)
        let handOver = PaymentHandOver(
            database: database, mesh: try MeshClient(application: application), logger: application.logger)
        application.every(payments.sweepInterval, named: "payments sweep") {
            let closed = try await book.closeExpired(limit: 500)
            if !closed.isEmpty { application.logger.info("unpaid trades closed", [("count", .int(closed.count))]) }
            try await handOver.run(limit: 100)
        }
        var operations = OperationHandlers(service: .orders)
        let phoneTopUp = try PhoneTopUpModule(application: application, database: database)
        MobilePhoneOperations(phoneTopUp: phoneTopUp).register(on: &operations)
        phoneTopUp.startSweeping(application)
        return [WeChatPayNotifyRoute.make(book: book, merchant: payments.wechat, handOver: handOver)]
            + phoneTopUp.simulatorRoutes + (try operations.routes())
    }
}
