import Postgres
import ServiceKit

/// The phone top-up put together for the orders service: its settings, the number segments (read once,
/// here), the provider client, the store, the wallet, the charge flow and the sweep, and outside
/// production the provider's simulator.
struct PhoneTopUpModule: Sendable {
    let settings: PhoneTopUpSettings
    let targets: TopUpTargets
    let provider: any PhoneTopUpProvider
    let orders: PhoneTopUps
    let settlement: PhoneTopUpSettlement
    let charging: PhoneCharging
    let sweeper: PhoneTopUpSweeper
    /// The simulator's routes; none in production.
    let simulatorRoutes: [Route]

    init(application: ServiceApplication, database: PostgresPool) throws {
        let settings = try PhoneTopUpSettings(configuration: application.configuration)
        let provider = JuheClient(
            endpoint: settings.endpoint, client: application.client, timeout: settings.timeout,
            credentials: settings.credentials)
        let directory = try SegmentDirectory.bundled()
        let mesh = try MeshClient(application: application)
        self.init(
            settings: settings, provider: provider, directory: directory, database: database, mesh: mesh,
            logger: application.logger)
    }

    /// The module with its parts given (tests give their own provider and mesh).
    init(
        settings: PhoneTopUpSettings, provider: any PhoneTopUpProvider, directory: SegmentDirectory,
        database: PostgresPool, mesh: MeshClient, logger: Logger
    ) {
        self.settings = settings
        self.provider = provider
        targets = TopUpTargets(directory: directory)
        orders = PhoneTopUps(database: database)
        let wallet = PhoneWallet(mesh: mesh)
        let refunds = PhoneRefunds(database: database, wallet: wallet, logger: logger)
        settlement = PhoneTopUpSettlement(orders: orders, refunds: refunds, logger: logger)
        charging = PhoneCharging(
            targets: targets, provider: provider, orders: orders, wallet: wallet, settlement: settlement, mesh: mesh,
            marginFen: settings.marginFen, logger: logger)
        sweeper = PhoneTopUpSweeper(
            orders: orders, provider: provider, wallet: wallet, settlement: settlement, refunds: refunds,
            charging: charging, stallAfter: settings.stallAfter, logger: logger)
        if let simulator = settings.simulator {
            simulatorRoutes =
                JuheSimulator(
                    targets: targets, credentials: settings.credentials, settings: simulator,
                    orders: JuheSandboxOrders(database: database, delay: simulator.delay)
                ).routes
        } else {
            simulatorRoutes = []
        }
    }

    /// Runs the sweep every `PHONE_TOPUP_SWEEP_MS` until the service stops.
    func startSweeping(_ application: ServiceApplication) {
        let sweeper = self.sweeper
        application.every(settings.sweepInterval, named: "phone top-up sweep") { try await sweeper.run() }
    }
}
