import Postgres
import Synchronization
import Testing

@Suite("Connection pool", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct PoolTests {
    @Test func connectsLazily() async throws {
        let pool = PostgresPool(configuration: try TestDatabase.configuration(poolSize: 3))
        #expect(pool.stats.size == 0)
        try await pool.ping()
        #expect(pool.stats.size == 1)
        #expect(pool.stats.idle == 1)
        await pool.close()
        #expect(pool.stats.size == 0)
    }

    @Test func twoHundredConcurrentQueriesShareFourConnections() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 4) { pool, _ in
            var backends: Set<Int> = []
            let sums = try await withThrowingTaskGroup(of: (Int, Int, Int).self) { group in
                for number in 0..<200 {
                    group.addTask {
                        let rows = try await pool.query("SELECT \(number) + 1000 AS sum, pg_backend_pid() AS pid")
                        let row = rows[0]
                        return (number, try row.decode("sum", as: Int.self), try row.decode("pid", as: Int.self))
                    }
                }
                var sums: [Int: Int] = [:]
                for try await (number, sum, pid) in group {
                    sums[number] = sum
                    backends.insert(pid)
                }
                return sums
            }
            #expect(sums.count == 200)
            #expect(sums.allSatisfy { $0.value == $0.key + 1000 })
            let stats = pool.stats
            #expect(stats.size <= 4)
            #expect(stats.inUse == 0)
            #expect(stats.waiting == 0)
            #expect(stats.totalAcquisitions >= 200)
            #expect(stats.timeouts == 0)
            #expect(backends.count <= 4)
        }
    }

    @Test func waitingLongerThanTheTimeoutFails() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1, poolWaitTimeout: .milliseconds(100)) { pool, _ in
            let holding = AsyncLatch()
            let finished = AsyncLatch()
            let holder = Task {
                try await pool.withConnection { connection in
                    _ = try await connection.query("SELECT 1")
                    holding.open()
                    await finished.wait()
                }
            }
            await holding.wait()
            let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
            #expect(error?.kind == .poolTimeout(waited: .milliseconds(100)))
            finished.open()
            try await holder.value
            let stats = pool.stats
            #expect(stats.timeouts == 1)
            #expect(stats.totalWaits == 1)
            #expect(stats.totalWaitTime > .zero)
            #expect(try await pool.query("SELECT 1").count == 1)
        }
    }

    @Test func waitersAreServedInArrivalOrder() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, _ in
            let holding = AsyncLatch()
            let finished = AsyncLatch()
            let holder = Task {
                try await pool.withConnection { _ in
                    holding.open()
                    await finished.wait()
                }
            }
            await holding.wait()
            let order = OrderRecorder()
            var waiters: [Task<Void, any Error>] = []
            for number in 0..<5 {
                waiters.append(
                    Task {
                        try await pool.withConnection { _ in order.append(number) }
                    })
                try await waitUntil { pool.stats.waiting == number + 1 }
            }
            finished.open()
            try await holder.value
            for waiter in waiters { try await waiter.value }
            #expect(order.values == [0, 1, 2, 3, 4])
        }
    }

    @Test func aCancelledWaiterLeavesTheQueue() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, _ in
            let holding = AsyncLatch()
            let finished = AsyncLatch()
            let holder = Task {
                try await pool.withConnection { _ in
                    holding.open()
                    await finished.wait()
                }
            }
            await holding.wait()
            let waiter = Task { try await pool.query("SELECT 1") }
            try await waitUntil { pool.stats.waiting == 1 }
            waiter.cancel()
            await #expect(throws: CancellationError.self) { try await waiter.value }
            #expect(pool.stats.waiting == 0)
            finished.open()
            try await holder.value
            #expect(pool.stats.inUse == 0)
        }
    }

    @Test func closeFailsWaitersAndWaitsForLentConnections() async throws {
        let pool = PostgresPool(configuration: try TestDatabase.configuration(poolSize: 1))
        let holding = AsyncLatch()
        let finished = AsyncLatch()
        let holder = Task {
            try await pool.withConnection { connection in
                _ = try await connection.query("SELECT 1")
                holding.open()
                await finished.wait()
            }
        }
        await holding.wait()
        let waiter = Task { try await pool.query("SELECT 1") }
        try await waitUntil { pool.stats.waiting == 1 }
        let closing = Task { await pool.close() }
        let error = await #expect(throws: PostgresError.self) { try await waiter.value }
        #expect(error?.kind == .poolClosed)
        finished.open()
        try await holder.value
        await closing.value
        #expect(pool.stats.size == 0)
        let afterClose = await #expect(throws: PostgresError.self) { try await pool.execute("SELECT 1") }
        #expect(afterClose?.kind == .poolClosed)
    }

    @Test func aTransactionLeftOpenIsRolledBackOnReturn() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(unsafeSQL: schema).items (name text)")
            try await pool.withConnection { connection in
                try await connection.execute("BEGIN")
                try await connection.execute("INSERT INTO \(unsafeSQL: schema).items VALUES (\("dangling"))")
            }
            let rows = try await pool.query("SELECT count(*) FROM \(unsafeSQL: schema).items")
            #expect(try rows[0].decode(0, as: Int.self) == 0)
        }
    }

    @Test func pingSucceedsAgainstTheServer() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, _ in
            try await pool.ping(timeout: .seconds(10))
            #expect(pool.stats.inUse == 0)
        }
    }
}

/// Records values appended from several tasks, in order.
private final class OrderRecorder: Sendable {
    private let storage = Mutex<[Int]>([])

    func append(_ value: Int) {
        storage.withLock { $0.append(value) }
    }

    var values: [Int] { storage.withLock { $0 } }
}
