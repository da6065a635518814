import Postgres
import ServiceKit

/// The points mall's orders put together for the orders service: the store, the placing, the app base
/// API's `order.submit` and `order.list`, the platform's `points.orders.*` and the sweep.
struct PointsMall: Sendable {
    let settings: PointsMallSettings
    let placement: PointsOrderPlacement

    init(settings: PointsMallSettings, database: PostgresPool, mesh: MeshClient, time: DisplayTime, logger: Logger) {
        self.settings = settings
        placement = PointsOrderPlacement(
            book: PointsOrderBook(database: database), movements: PointsOrderMovements(mesh: mesh), time: time,
            logger: logger)
    }

    var sweep: PointsOrderSweep {
        PointsOrderSweep(placement: placement, staleAfter: settings.staleAfter, retryAfter: settings.sweepInterval)
    }

    /// Registers the operations and admin operations of `application`'s orders service and starts the sweep.
    static func register(
        _ application: ServiceApplication, database: PostgresPool, mesh: MeshClient,
        operations: inout OperationHandlers, admin: inout AdminHandlers
    ) throws {
        let mall = PointsMall(
            settings: try PointsMallSettings(environment: application.configuration.environment), database: database,
            mesh: mesh, time: try application.configuration.displayTime(), logger: application.logger)
        YafPointsOrderOperations(placement: mall.placement).register(on: &operations)
        PointsOrdersAdmin(placement: mall.placement).register(on: &admin)
        let sweep = mall.sweep
        application.every(mall.settings.sweepInterval, named: "points orders sweep") { try await sweep.run() }
    }
}
