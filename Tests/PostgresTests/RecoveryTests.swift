import Postgres
import Testing

@Suite("Recovery from lost connections", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct RecoveryTests {
    @Test func aQueryAfterTheIdleBackendWasKilledSucceeds() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, _ in
            let killed = try await TestDatabase.backendPID(pool)
            try await TestDatabase.terminateBackend(killed)
            let replacement = try await TestDatabase.backendPID(pool)
            #expect(replacement != killed)
            #expect(pool.stats.size == 1)
        }
    }

    @Test func everyIdleConnectionIsReplacedAfterTheyAllDied() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 3) { pool, _ in
            let holding = AsyncBarrier(count: 4)
            let release = AsyncLatch()
            var pids: [Int] = []
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        try await pool.withConnection { connection in
                            let pid = try await TestDatabase.backendPID(connection)
                            await holding.arrive()
                            await release.wait()
                            return pid
                        }
                    }
                }
                await holding.arrive()
                release.open()
                for try await pid in group { pids.append(pid) }
            }
            #expect(Set(pids).count == 3)
            for pid in pids { try await TestDatabase.terminateBackend(pid) }
            for _ in 0..<3 {
                let pid = try await TestDatabase.backendPID(pool)
                #expect(!pids.contains(pid))
            }
        }
    }

    @Test func transactionsAndLentConnectionsRecoverToo() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, _ in
            try await TestDatabase.terminateBackend(try await TestDatabase.backendPID(pool))
            let inTransaction = try await pool.transaction { transaction in
                try await TestDatabase.backendPID(transaction)
            }
            try await TestDatabase.terminateBackend(inTransaction)
            let lent = try await pool.withConnection { connection in try await TestDatabase.backendPID(connection) }
            #expect(lent != inTransaction)
        }
    }

    @Test func aStatementCutOffWhileRunningFailsAndIsNotRetried() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(unsafeSQL: schema).runs (at timestamptz DEFAULT now())")
            let pid = try await TestDatabase.backendPID(pool)
            let running = Task {
                try await pool.execute("INSERT INTO \(unsafeSQL: schema).runs SELECT now() FROM pg_sleep(60)")
            }
            let observer = PostgresPool(configuration: try TestDatabase.configuration(poolSize: 1))
            try await waitUntil {
                let rows = try await observer.query(
                    "SELECT count(*) FROM pg_stat_activity WHERE pid = \(pid)::int AND state = 'active'")
                return try rows[0].decode(0, as: Int.self) == 1
            }
            await observer.close()
            try await TestDatabase.terminateBackend(pid)
            let error = await #expect(throws: PostgresError.self) { try await running.value }
            #expect(error?.isConnectionError == true)
            let rows = try await pool.query("SELECT count(*) FROM \(unsafeSQL: schema).runs")
            #expect(try rows[0].decode(0, as: Int.self) == 0)
            #expect(pool.stats.size == 1)
        }
    }
}
