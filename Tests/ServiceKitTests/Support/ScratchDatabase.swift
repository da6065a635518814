import Foundation
import Postgres
import Testing

/// The PostgreSQL server named by `TEST_DATABASE_URL`; tests that need it are skipped when unset.
enum ScratchDatabase {
    static let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"]

    static var isConfigured: Bool { url?.isEmpty == false }

    static let skipReason: Comment = "set TEST_DATABASE_URL to run the PostgreSQL tests"

    /// Runs `body` with a pool of `poolSize` connections and a new, empty schema, dropped afterwards.
    static func withSchema<Value>(
        poolSize: Int = 4, _ body: (PostgresPool, String) async throws -> Value
    ) async throws -> Value {
        let configuration = try PostgresConfiguration(
            url: url ?? "", poolSize: poolSize, poolWaitTimeout: .seconds(30)
        ).withApplicationName("servicekit-tests")
        let pool = PostgresPool(configuration: configuration)
        let schema = "test_" + String(format: "%016llx", UInt64.random(in: 0...UInt64.max))
        do {
            try await pool.execute("CREATE SCHEMA \(unsafeSQL: schema)")
            let value = try await body(pool, schema)
            try await pool.execute("DROP SCHEMA \(unsafeSQL: schema) CASCADE")
            await pool.close()
            return value
        } catch {
            _ = try? await pool.execute("DROP SCHEMA IF EXISTS \(unsafeSQL: schema) CASCADE")
            await pool.close()
            throw error
        }
    }
}
