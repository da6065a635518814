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
        try assemble(application)
    }

    /// `routes`, put together without suspending: one large async function of this shape crashes the
    /// release compiler (Swift 6.3.1, while splitting its coroutine), and nothing here needs to wait.
    private static func assemble(_ application: ServiceApplication) throws -> [Route] {
        guard let database = application.database else { return [] }
        let payments = try PaymentSettings(configuration: application.configuration)
        let mesh = try MeshClient(application: application)
        let book = TradeBook(database: database)
        let handOver = PaymentHandOver(database: database, mesh: mesh, logger: application.logger)
        let wechat = WeChatPayClient(
            endpoint: payments.wechatEndpoint, merchant: payments.wechat, client: application.client,
            timeout: payments.wechatTimeout)
        let alipay = try AlipaySettings.load(configuration: application.configuration)
        let alipayClient = alipay.map { AlipayClient(settings: $0, http: application.client) }
        let ledger = RefundLedger(database: database)
        let refunds = RefundSender(
            ledger: ledger, wechat: wechat, alipay: alipayClient, mesh: mesh, notifyURL: payments.refundNotifyURL,
            logger: application.logger)
        let o2oOrders = O2OOrderBook(database: database)
        let o2oFollowUp = O2OFollowUp(
            orders: o2oOrders, book: book, ledger: ledger, mesh: mesh, logger: application.logger)
        let sweep = PaymentsSweep(
            book: book, wechat: wechat, handOver: handOver, refunds: refunds, o2o: o2oFollowUp,
            logger: application.logger)
        application.every(payments.sweepInterval, named: "payments sweep") { try await sweep.run() }
        var operations = OperationHandlers(service: .orders)
        MobileAlipayOperations(book: book, alipay: alipay).register(on: &operations)
        let trainCheckout = WeChatPayCheckout(
            book: book,
            client: WeChatPayClient(
                endpoint: payments.wechatEndpoint, merchant: payments.wechat.signing(with: .hmacSHA256),
                client: application.client, timeout: payments.wechatTimeout),
            notifyURL: payments.paymentNotifyURL, lifetime: payments.tradeLifetime)
        let trainOrders = TrainOrderBook(database: database)
        let settler = TrainSettler(orders: trainOrders, ledger: ledger, mesh: mesh, logger: application.logger)
        TrainCustomerOperations(
            orders: trainOrders, book: book, checkout: trainCheckout, ledger: ledger, settings: payments,
            settler: settler
        ).register(on: &operations)
        TrainMerchantOperations(orders: trainOrders, mesh: mesh).register(on: &operations)
        let o2oSettings = try O2OSettings(environment: application.configuration.environment)
        let checkout = WeChatPayCheckout(
            book: book, client: wechat, notifyURL: payments.paymentNotifyURL, lifetime: payments.tradeLifetime)
        O2OCustomerOperations(
            orders: o2oOrders, book: book, checkout: checkout, ledger: ledger, refunds: refunds,
            followUp: o2oFollowUp, mesh: mesh, payments: payments,
            settings: o2oSettings
        ).register(on: &operations)
        let redemption = O2ORedemption(orders: o2oOrders, ledger: ledger, mesh: mesh)
        redemption.register(on: &operations)
        let train = try TrainSettings(environment: application.configuration.environment)
        application.every(train.sweepInterval, named: "train orders sweep") {
            try await trainOrders.releaseOverdue(window: train.bookingWindow, limit: 100)
            try await settler.confirmOverdue(limit: 100)
            try await settler.settleOpen(limit: 100)
        }
        MobileRechargeOperations(book: book, checkout: checkout, mesh: mesh, settings: payments).register(
            on: &operations)
        var admin = AdminHandlers()
        PaymentsAdmin(
            book: book, ledger: ledger, reconciler: Reconciler(book: book, wechat: wechat, alipay: alipayClient)
        ).register(
            on: &admin)
        TrainRefundAdmin(orders: trainOrders, ledger: ledger, settings: train).register(on: &admin)
        redemption.register(on: &admin)
        try PointsMall.register(application, database: database, mesh: mesh, operations: &operations, admin: &admin)
        var routes = [
            WeChatPayNotifyRoute.make(book: book, merchant: payments.wechat, handOver: handOver),
            WeChatPayRefundNotifyRoute.make(ledger: ledger, merchant: payments.wechat),
            AlipayNotifyRoute.make(book: book, alipay: alipay, handOver: handOver),
            O2OBridgePage(orders: o2oOrders, mesh: mesh, settings: o2oSettings).route(),
        ]
        if payments.servesSandbox {
            let sandbox = try SandboxSettings(environment: application.configuration.environment)
            let store = WeChatPaySandboxStore(database: database, merchant: payments.wechat, settings: sandbox)
            let courier = SandboxCourier(
                database: database, client: application.client, timeScale: sandbox.timeScale,
                logger: application.logger)
            application.every(.milliseconds(200), named: "payment simulator") {
                try await store.settleDueRefunds(limit: 50)
                try await courier.deliverDue(limit: 50)
            }
            SandboxAdmin(store: store).register(on: &admin)
            routes += WeChatPaySandboxRoutes.make(store: store)
            if let alipay {
                let alipaySandbox = try AlipaySandbox(settings: alipay, database: database)
                AlipaySandboxAdmin(sandbox: alipaySandbox).register(on: &admin)
                routes += alipaySandbox.routes()
            }
        }
        let phoneTopUp = try PhoneTopUpModule(application: application, database: database)
        MobilePhoneOperations(phoneTopUp: phoneTopUp).register(on: &operations)
        phoneTopUp.startSweeping(application)
        MobileCartOperations(database: database, mesh: mesh).register(on: &operations)
        var internalOperations = InternalHandlers()
        OrdersInternalOperations(counter: OrderCounter(database: database)).register(on: &internalOperations)
        return try routes + phoneTopUp.simulatorRoutes + operations.routes() + admin.routes()
            + internalOperations.routes()
    }
}
