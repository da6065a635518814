import Foundation
import Postgres
import Testing

/// Access to the PostgreSQL server named by `TEST_DATABASE_URL`; tests that need it are skipped when unset.
enum TestDatabase {
    static let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"]

    static var isConfigured: Bool { url?.isEmpty == false }

    static let skipReason: Comment = "set TEST_DATABASE_URL to run the PostgreSQL tests"

    /// At most this many database tests run at once, so parallel tests stay below the server's connection limit.
    private static let permits = AsyncPermits(6)

    static func configuration(
        poolSize: Int = 2,
        poolWaitTimeout: Duration = .seconds(30),
        statementCacheCapacity: Int = 256
    ) throws -> PostgresConfiguration {
        try PostgresConfiguration(
            url: url ?? "", poolSize: poolSize, poolWaitTimeout: poolWaitTimeout,
            statementCacheCapacity: statementCacheCapacity
        ).withApplicationName("postgres-tests")
    }

    /// A schema name nobody else uses: `test_` and 16 random hex digits.
    static func randomSchemaName() -> String {
        "test_" + String(format: "%016llx", UInt64.random(in: 0...UInt64.max))
    }

    /// Runs `body` with a new pool and a new, empty schema; the schema is dropped and the pool closed afterwards.
    static func withScratchSchema<Value>(
        poolSize: Int = 2,
        poolWaitTimeout: Duration = .seconds(30),
        statementCacheCapacity: Int = 256,
        _ body: (PostgresPool, String) async throws -> Value
    ) async throws -> Value {
        await permits.acquire()
        defer { permits.release() }
        let pool = PostgresPool(
            configuration: try configuration(
                poolSize: poolSize, poolWaitTimeout: poolWaitTimeout, statementCacheCapacity: statementCacheCapacity))
        let schema = randomSchemaName()
        try await pool.execute("CREATE SCHEMA \(unsafeSQL: schema)")
        let value: Value
        do {
            value = try await body(pool, schema)
        } catch {
            await dropSchema(schema)
            await pool.close()
            throw error
        }
        await dropSchema(schema)
        await pool.close()
        return value
    }

    /// Drops `schema` through a pool of its own, since the test's pool may be closed by then.
    static func dropSchema(_ schema: String) async {
        guard let configuration = try? configuration(poolSize: 1) else { return }
        let pool = PostgresPool(configuration: configuration)
        _ = try? await pool.execute("DROP SCHEMA IF EXISTS \(unsafeSQL: schema) CASCADE")
        await pool.close()
    }

    /// The server process id of the connection that runs the statement.
    static func backendPID(_ database: some PostgresQueryable) async throws -> Int {
        try await database.query("SELECT pg_backend_pid() AS pid")[0].decode("pid", as: Int.self)
    }

    /// Ends the server process `pid` and waits until it has exited.
    static func terminateBackend(_ pid: Int) async throws {
        let pool = PostgresPool(configuration: try configuration(poolSize: 1))
        let terminated: Bool
        do {
            let rows = try await pool.query("SELECT pg_terminate_backend(\(pid)::int, 10000) AS done")
            terminated = try rows[0].decode("done", as: Bool.self)
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
        guard terminated else { throw TestFailure("backend \(pid) did not terminate") }
    }
}

/// A failure raised by test helpers.
struct TestFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
