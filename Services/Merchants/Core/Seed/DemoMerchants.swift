import Postgres
import ServiceKit

/// The demo data a development installation starts with, so the O2O screens (category tree, nearby
/// merchants, goods) and the points mall are not empty: three operations centres, a category tree,
/// forty merchants in five cities (`Data/merchants.csv`) with their vouchers, and the points-mall
/// goods. Regions, images and goods categories come from the content service first; then everything
/// is written in one transaction under an advisory lock and recorded in `merchants.seed_runs`, so
/// replicas starting together seed once and a restart never seeds again.
struct DemoMerchants: Sendable {
    static let runName = "demo-merchants-v1"

    let database: PostgresPool
    let mesh: MeshClient

    /// Seeds the demo data unless it was seeded before; true when this call seeded it. `today` (the
    /// day in the service's zone, `yyyy-MM-dd`) starts the vouchers' year of validity.
    @discardableResult
    func seedIfNeeded(today: String) async throws -> Bool {
        guard try await !Self.hasRun(on: database) else { return false }
        let places = try await BlockingWork.run { try DemoMerchantPlace.loadBundled() }
        let facts = try await DemoContentFacts.gather(for: places, mesh: mesh)
        return try await database.transaction { transaction in
            _ = try await transaction.query("SELECT pg_advisory_xact_lock(hashtext(\(Self.runName)))")
            guard try await !Self.hasRun(on: transaction) else { return false }
            try await DemoMerchantsWriter(transaction: transaction, facts: facts, today: today).write(places)
            try await transaction.execute("INSERT INTO merchants.seed_runs (name) VALUES (\(Self.runName))")
            return true
        }
    }

    private static func hasRun(on database: some PostgresQueryable) async throws -> Bool {
        try await !database.query("SELECT 1 FROM merchants.seed_runs WHERE name = \(runName)").isEmpty
    }
}
