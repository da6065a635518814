import Mesh
import ServiceHarness
import ServiceKit
import Synchronization
import Testing

@testable import MerchantsService

/// The background seeding of a development start: it waits for the content service, gives up when
/// content never answers, and is started by the service's routes when seeding is on.
@Suite(.serialized)
struct DemoMerchantsSeederTests {
    static func seeder(
        _ mesh: InProcessMesh, _ fixture: MerchantsFixture, patience: Duration,
        unreachable: @escaping @Sendable (ServiceName) -> Bool
    ) -> DemoMerchantsSeeder {
        DemoMerchantsSeeder(
            seeding: DemoMerchants(database: fixture.database, mesh: mesh.meshClient(unreachable: unreachable)),
            settings: DemoMerchantsTests.settings,
            logger: Logger(service: "merchants", minimumLevel: .error), retryDelay: .milliseconds(20),
            patience: patience)
    }

    static func runs(_ fixture: MerchantsFixture) async throws -> Int64 {
        try await fixture.database.query("SELECT count(*) AS n FROM merchants.seed_runs")[0].decode("n")
    }

    @Test func seedingWaitsUntilContentAnswers() async throws {
        try await MerchantsMesh.with { mesh, fixture in
            let refused = Mutex(0)
            let seeder = Self.seeder(mesh, fixture, patience: .seconds(60)) { service in
                service == .content
                    && refused.withLock { count in
                        count += 1
                        return count <= 3
                    }
            }
            #expect(await seeder.run() == .seeded)
            #expect(refused.withLock { $0 } > 3)
            let runs = try await Self.runs(fixture)
            #expect(runs == Int64(DemoMerchants.runNames.count))
            #expect(await seeder.run() == .seededBefore)
        }
    }

    @Test func seedingGivesUpWhenContentNeverAnswers() async throws {
        try await MerchantsMesh.with { mesh, fixture in
            let seeder = Self.seeder(mesh, fixture, patience: .milliseconds(200)) { $0 == .content }
            #expect(await seeder.run() == .gaveUp)
            let runs = try await Self.runs(fixture)
            #expect(runs == 0)
        }
    }

    @Test func aDevelopmentStartSeedsInTheBackground() async throws {
        try await MerchantsMesh.with(["MERCHANTS_SEED_DEMO_MERCHANTS": "true"]) { _, fixture in
            let deadline = ContinuousClock.now + .seconds(60)
            while try await Self.runs(fixture) == 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(try await Self.runs(fixture) == Int64(DemoMerchants.runNames.count))
            let merchants: Int64 = try await fixture.database.query(
                "SELECT count(*) AS n FROM merchants.merchants")[0].decode("n")
            #expect(merchants == 40)
        }
    }
}
