import Postgres
import Testing

/// `transaction(refusing:)`: a returned refusal rolls the work back and is answered, not thrown.
@Suite("Transactions with refusal", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct RefusalTransactionTests {
    private enum Refusal: Error, Equatable { case soldOut }

    @Test func aRefusalRollsBackAndIsAnswered() async throws {
        try await TestDatabase.withScratchSchema { pool, schema in
            try await pool.execute("CREATE TABLE \(unsafeSQL: schema).items (name text)")
            let refused: Result<Int, Refusal> = try await pool.transaction(refusing: Refusal.self) { transaction in
                try await transaction.execute("INSERT INTO \(unsafeSQL: schema).items VALUES (\("lost"))")
                return .failure(.soldOut)
            }
            #expect(refused == .failure(.soldOut))
            let committed: Result<Int, Refusal> = try await pool.transaction(refusing: Refusal.self) { transaction in
                .success(try await transaction.execute("INSERT INTO \(unsafeSQL: schema).items VALUES (\("kept"))"))
            }
            #expect(committed == .success(1))
            let names = try await pool.query("SELECT name FROM \(unsafeSQL: schema).items").map {
                try $0.decode("name", as: String.self)
            }
            #expect(names == ["kept"])
            #expect(pool.stats.inUse == 0)
        }
    }
}
