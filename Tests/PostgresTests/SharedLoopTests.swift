import EventLoops
import Postgres
import Testing

/// A pool given a service's event loop group, used from tasks that run on those loops (as request handlers do):
/// statements are sent and answered on the caller's own loop thread.
@Suite("A pool on a shared event loop group", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct SharedLoopTests {
    @Test func queriesFromTasksOnTheLoopsReturnTheirOwnRows() async throws {
        try await withSharedLoops(poolSize: 4) { pool, group in
            let sums = try await withThrowingTaskGroup(of: (Int, Int).self) { tasks in
                for number in 0..<200 {
                    tasks.addTask(executorPreference: group.loops[number % group.loops.count]) {
                        let rows = try await pool.query("SELECT \(number) + 1000 AS sum")
                        return (number, try rows[0].decode("sum", as: Int.self))
                    }
                }
                var sums: [Int: Int] = [:]
                for try await (number, sum) in tasks { sums[number] = sum }
                return sums
            }
            #expect(sums.count == 200)
            #expect(sums.allSatisfy { $0.value == $0.key + 1000 })
            let stats = pool.stats
            #expect(stats.size <= 4)
            #expect(stats.inUse == 0)
            #expect(stats.timeouts == 0)
        }
    }

    @Test func aConnectionWhoseBackendWasKilledIsReplaced() async throws {
        try await withSharedLoops(poolSize: 1) { pool, group in
            let loop = group.loops[0]
            let killed = try await Task(executorPreference: loop) { try await TestDatabase.backendPID(pool) }.value
            try await TestDatabase.terminateBackend(killed)
            let replacement = try await Task(executorPreference: loop) { try await TestDatabase.backendPID(pool) }.value
            #expect(replacement != killed)
            #expect(pool.stats.size == 1)
        }
    }

    @Test func aTransactionCommitsFromALoopTask() async throws {
        try await withSharedLoops(poolSize: 2) { pool, group in
            let schema = TestDatabase.randomSchemaName()
            try await pool.execute("CREATE SCHEMA \(unsafeSQL: schema)")
            do {
                try await pool.execute("CREATE TABLE \(unsafeSQL: schema).items (name text)")
                let inserted = try await Task(executorPreference: group.loops[1]) {
                    try await pool.transaction { transaction in
                        try await transaction.execute(
                            "INSERT INTO \(unsafeSQL: schema).items VALUES (\("a")), (\("b"))")
                    }
                }.value
                #expect(inserted == 2)
                let rows = try await pool.query("SELECT count(*) FROM \(unsafeSQL: schema).items")
                #expect(try rows[0].decode(0, as: Int.self) == 2)
            } catch {
                await TestDatabase.dropSchema(schema)
                throw error
            }
            await TestDatabase.dropSchema(schema)
        }
    }

    /// Runs `body` with a pool on a new group of two loops; the pool is closed before the group shuts down.
    private func withSharedLoops(
        poolSize: Int,
        _ body: (PostgresPool, EventLoopGroup) async throws -> Void
    ) async throws {
        let group = try EventLoopGroup(threads: 2)
        let pool = PostgresPool(configuration: try TestDatabase.configuration(poolSize: poolSize), group: group)
        do {
            try await body(pool, group)
        } catch {
            await pool.close()
            await group.shutdown()
            throw error
        }
        await pool.close()
        await group.shutdown()
    }
}
