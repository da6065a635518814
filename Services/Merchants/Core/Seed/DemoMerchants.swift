import Postgres
import ServiceKit

/// The demo data a development installation starts with, so the O2O screens (category tree, nearby
/// merchants, goods), the points mall and the mobile mall are not empty: three operations centres, a
/// category tree, forty merchants in five cities (`Data/merchants.csv`) with their vouchers, the
/// points-mall goods, and the mobile-mall goods. Regions, images and goods categories come from the
/// content service first; then everything is written in one transaction under an advisory lock and
/// recorded in `merchants.seed_runs`, so replicas starting together seed once and a restart never seeds
/// again. The mobile mall's goods are a run of their own (`mallRunName`), so an installation seeded
/// before they existed gets them on its next start.
struct DemoMerchants: Sendable {
    static let runName = "demo-merchants-v1"
    static let mallRunName = "demo-mall-v1"
    static let runNames = [runName, mallRunName]

    let database: PostgresPool
    let mesh: MeshClient

    /// Seeds the demo data unless it was seeded before; true when this call seeded some. `today` (the
    /// day in the service's zone, `yyyy-MM-dd`) starts the vouchers' year of validity.
    @discardableResult
    func seedIfNeeded(today: String) async throws -> Bool {
        guard try await !Self.missingRuns(on: database).isEmpty else { return false }
        let places = try await BlockingWork.run { try DemoMerchantPlace.loadBundled() }
        let facts = try await DemoContentFacts.gather(for: places, mesh: mesh)
        return try await database.transaction { transaction in
            _ = try await transaction.query("SELECT pg_advisory_xact_lock(hashtext(\(Self.runName)))")
            let missing = try await Self.missingRuns(on: transaction)
            if missing.contains(Self.runName) {
                try await DemoMerchantsWriter(transaction: transaction, facts: facts, today: today).write(places)
            }
            if missing.contains(Self.mallRunName) {
                try await DemoGoodsWriter(transaction: transaction, facts: facts).writeMobileMall()
            }
            for name in missing {
                try await transaction.execute("INSERT INTO merchants.seed_runs (name) VALUES (\(name))")
            }
            return !missing.isEmpty
        }
    }

    /// The runs not recorded yet, in `runNames` order.
    private static func missingRuns(on database: some PostgresQueryable) async throws -> [String] {
        let rows = try await database.query(
            "SELECT name FROM merchants.seed_runs WHERE name IN (\(runName), \(mallRunName))")
        let done = Set(try rows.map { try $0.decode("name", as: String.self) })
        return runNames.filter { !done.contains($0) }
    }
}
