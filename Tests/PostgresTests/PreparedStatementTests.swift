import Postgres
import Testing

@Suite("Prepared statements", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct PreparedStatementTests {
    @Test func aStatementIsPreparedOncePerConnectionAndReused() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, _ in
            for number in 0..<5 {
                let rows = try await pool.query("SELECT \(number) + 1 AS next")
                #expect(try rows[0].decode("next", as: Int.self) == number + 1)
            }
            let prepared = try await pool.query(
                "SELECT name FROM pg_prepared_statements WHERE statement = \("SELECT $1 + 1 AS next")")
            #expect(prepared.count == 1)
            #expect(try prepared[0].decode("name", as: String.self).hasPrefix("s"))
        }
    }

    @Test func theSameTextWithOtherParameterTypesIsPreparedSeparately() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, _ in
            let asInteger = try await pool.query("SELECT \(2) * 2 AS doubled")
            let asFloat = try await pool.query("SELECT \(2.5) * 2 AS doubled")
            #expect(try asInteger[0].decode("doubled", as: Int.self) == 4)
            #expect(try asFloat[0].decode("doubled", as: Double.self) == 5)
            let prepared = try await pool.query(
                "SELECT count(*) AS n FROM pg_prepared_statements WHERE statement = \("SELECT $1 * 2 AS doubled")")
            #expect(try prepared[0].decode("n", as: Int.self) == 2)
        }
    }

    @Test func theCacheIsBoundedAndDeallocatesEvictedStatements() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1, statementCacheCapacity: 3) { pool, _ in
            for number in 0..<10 {
                _ = try await pool.query("SELECT \(number) AS value, \(unsafeSQL: String(number)) AS marker")
            }
            let prepared = try await pool.query("SELECT count(*) AS n FROM pg_prepared_statements")
            #expect(try prepared[0].decode("n", as: Int.self) <= 3)
        }
    }

    @Test func aFailedPrepareLeavesTheConnectionUsable() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, _ in
            let error = await #expect(throws: PostgresError.self) { try await pool.query("SELEC 1") }
            #expect(error?.sqlState == "42601")
            #expect(error?.isConnectionError == false)
            let rows = try await pool.query("SELECT 1 AS one")
            #expect(try rows[0].decode("one", as: Int.self) == 1)
            #expect(pool.stats.size == 1)
        }
    }
}
