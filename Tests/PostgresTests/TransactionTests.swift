import Postgres
import Testing

@Suite("Transactions", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct TransactionTests {
    private struct PlannedFailure: Error {}

    @Test func committedWorkIsVisible() async throws {
        try await TestDatabase.withScratchSchema { pool, schema in
            try await pool.execute("CREATE TABLE \(unsafeSQL: schema).items (name text)")
            let inserted = try await pool.transaction { transaction in
                try await transaction.execute("INSERT INTO \(unsafeSQL: schema).items VALUES (\("a")), (\("b"))")
            }
            #expect(inserted == 2)
            #expect(try await count(pool, schema) == 2)
        }
    }

    @Test func aThrownErrorRollsBack() async throws {
        try await TestDatabase.withScratchSchema { pool, schema in
            try await pool.execute("CREATE TABLE \(unsafeSQL: schema).items (name text)")
            await #expect(throws: PlannedFailure.self) {
                try await pool.transaction { transaction in
                    try await transaction.execute("INSERT INTO \(unsafeSQL: schema).items VALUES (\("lost"))")
                    throw PlannedFailure()
                }
            }
            #expect(try await count(pool, schema) == 0)
            #expect(pool.stats.inUse == 0)
        }
    }

    @Test func cancellationRollsBack() async throws {
        try await TestDatabase.withScratchSchema { pool, schema in
            try await pool.execute("CREATE TABLE \(unsafeSQL: schema).items (name text)")
            let inserted = AsyncLatch()
            let task = Task {
                try await pool.transaction { transaction in
                    try await transaction.execute("INSERT INTO \(unsafeSQL: schema).items VALUES (\("lost"))")
                    inserted.open()
                    try await Task.sleep(for: .seconds(3_600))
                }
            }
            await inserted.wait()
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(try await count(pool, schema) == 0)
            #expect(pool.stats.inUse == 0)
        }
    }

    @Test func aFailedStatementSwallowedByTheBodyAbortsTheCommit() async throws {
        try await TestDatabase.withScratchSchema { pool, schema in
            try await pool.execute("CREATE TABLE \(unsafeSQL: schema).items (name text)")
            let error = await #expect(throws: PostgresError.self) {
                try await pool.transaction { transaction in
                    try await transaction.execute("INSERT INTO \(unsafeSQL: schema).items VALUES (\("lost"))")
                    _ = try? await transaction.query("SELECT 1 / 0")
                }
            }
            #expect(error?.kind == .transactionAborted)
            #expect(try await count(pool, schema) == 0)
        }
    }

    @Test func theHandleStopsWorkingAfterTheTransaction() async throws {
        try await TestDatabase.withScratchSchema { pool, _ in
            let escaped = try await pool.transaction { transaction in transaction }
            let error = await #expect(throws: PostgresError.self) { try await escaped.query("SELECT 1") }
            #expect(error?.kind == .transactionFinished)
        }
    }

    @Test func isolationLevelIsApplied() async throws {
        try await TestDatabase.withScratchSchema { pool, _ in
            let level = try await pool.transaction(isolation: .repeatableRead) { transaction in
                try await transaction.query("SHOW transaction_isolation")[0].decode(0, as: String.self)
            }
            #expect(level == "repeatable read")
        }
    }

    @Test func aSerializationFailureRetriesTheWholeBody() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 2) { pool, schema in
            try await pool.execute("CREATE TABLE \(unsafeSQL: schema).counter (id int PRIMARY KEY, value int8)")
            try await pool.execute("INSERT INTO \(unsafeSQL: schema).counter VALUES (1, 0)")
            let attempts = Counter()
            let bothRead = AsyncBarrier(count: 2)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await pool.transaction(isolation: .serializable) { transaction in
                            let attempt = attempts.increment()
                            let value = try await readCounter(transaction, schema)
                            if attempt <= 2 { await bothRead.arrive() }
                            try await transaction.execute(
                                "UPDATE \(unsafeSQL: schema).counter SET value = \(value + 1) WHERE id = 1")
                        }
                    }
                }
                try await group.waitForAll()
            }
            let final = try await pool.query("SELECT value FROM \(unsafeSQL: schema).counter WHERE id = 1")
            #expect(try final[0].decode(0, as: Int.self) == 2)
            #expect(attempts.current == 3)
        }
    }

    @Test func withoutRetriesTheSerializationFailureSurfaces() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 2) { pool, schema in
            try await pool.execute("CREATE TABLE \(unsafeSQL: schema).counter (id int PRIMARY KEY, value int8)")
            try await pool.execute("INSERT INTO \(unsafeSQL: schema).counter VALUES (1, 0)")
            let bothRead = AsyncBarrier(count: 2)
            let failures = Counter()
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        do {
                            try await pool.transaction(isolation: .serializable, retries: 0) { transaction in
                                let value = try await readCounter(transaction, schema)
                                await bothRead.arrive()
                                try await transaction.execute(
                                    "UPDATE \(unsafeSQL: schema).counter SET value = \(value + 1) WHERE id = 1")
                            }
                        } catch let error as PostgresError where error.isSerializationFailure {
                            failures.increment()
                        } catch {
                            Issue.record("unexpected error \(error)")
                        }
                    }
                }
            }
            #expect(failures.current == 1)
            let final = try await pool.query("SELECT value FROM \(unsafeSQL: schema).counter WHERE id = 1")
            #expect(try final[0].decode(0, as: Int.self) == 1)
        }
    }

    private func readCounter(_ transaction: PostgresTransaction, _ schema: String) async throws -> Int {
        let rows = try await transaction.query("SELECT value FROM \(unsafeSQL: schema).counter WHERE id = 1")
        return try rows[0].decode(0, as: Int.self)
    }

    private func count(_ pool: PostgresPool, _ schema: String) async throws -> Int {
        try await pool.query("SELECT count(*) FROM \(unsafeSQL: schema).items")[0].decode(0, as: Int.self)
    }
}
