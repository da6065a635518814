import Postgres
import Testing

@Suite("An unreachable server")
struct UnreachableServerTests {
    private func makePool() throws -> PostgresPool {
        PostgresPool(configuration: try PostgresConfiguration(url: "postgres://nobody@127.0.0.1:1/none", poolSize: 1))
    }

    @Test func queriesFailWithAConnectionErrorAndFreeTheSlot() async throws {
        let pool = try makePool()
        for _ in 0..<2 {
            let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
            #expect(error?.isConnectionError == true)
            guard case .connectionFailed? = error?.kind else {
                Issue.record("expected .connectionFailed, got \(String(describing: error))")
                break
            }
        }
        #expect(pool.stats.size == 0)
        await pool.close()
    }

    @Test func pingReportsTheFailure() async throws {
        let pool = try makePool()
        let error = await #expect(throws: PostgresError.self) { try await pool.ping() }
        #expect(error?.isConnectionError == true)
        await pool.close()
    }

    @Test func aClosedPoolRejectsWork() async throws {
        let pool = try makePool()
        await pool.close()
        let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
        #expect(error?.kind == .poolClosed)
    }
}
