import Postgres
import ServiceKit

/// Everything the dialect adapters and the internal and admin operations work with: the stores of
/// the service's own schema and the directories of the services it asks.
struct UserDomain: Sendable {
    let profiles: Profiles
    let passengers: Passengers
    let addresses: Addresses
    let paymentMethods: PaymentMethods
    let wallets: Wallets
    let points: PointsLedger
    let exchange: PointsExchange
    let accounts: AccountDirectory
    let orderCounts: OrderCountsDirectory
    let regionCheck: RegionCheck
    let avatars: AvatarFiles
    let database: PostgresPool

    init(database: PostgresPool, mesh: MeshClient, settings: UserSettings) {
        let profiles = Profiles(database: database)
        self.database = database
        self.profiles = profiles
        passengers = Passengers(database: database, profiles: profiles, limit: settings.passengerLimit)
        addresses = Addresses(database: database, profiles: profiles, limit: settings.addressLimit)
        paymentMethods = PaymentMethods(
            database: database, profiles: profiles, limitPerKind: settings.paymentMethodsPerType)
        let idempotency = IdempotencyStore(table: "users.idempotency_replies")
        wallets = Wallets(database: database, profiles: profiles, idempotency: idempotency)
        points = PointsLedger(database: database, profiles: profiles, idempotency: idempotency)
        exchange = PointsExchange(
            database: database, profiles: profiles, rate: PointsRate(pointsPerYuan: settings.pointsPerYuan))
        accounts = AccountDirectory(mesh: mesh)
        orderCounts = OrderCountsDirectory(mesh: mesh)
        regionCheck = RegionCheck(regions: RegionDirectory(mesh: mesh))
        avatars = AvatarFiles(mesh: mesh)
    }
}
