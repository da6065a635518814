import Postgres
import Testing

@Suite("Bound parameters stay data", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct SQLInjectionTests {
    static let hostileInputs = [
        "'; DROP TABLE victims; --",
        "' OR '1'='1",
        "$1",
        "\\x00",
        "Robert'); DELETE FROM victims WHERE ('1' = '1",
        "\"; SELECT pg_sleep(10); --",
        "E'\\'' || current_user || '",
    ]

    @Test func hostileStringsAreStoredAndMatchedVerbatim() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(unsafeSQL: schema).victims (name text NOT NULL)")
            try await pool.execute("INSERT INTO \(unsafeSQL: schema).victims VALUES ('bystander')")
            for input in Self.hostileInputs {
                let inserted = try await pool.execute(
                    "INSERT INTO \(unsafeSQL: schema).victims (name) VALUES (\(input))")
                #expect(inserted == 1)
            }
            for input in Self.hostileInputs {
                let rows = try await pool.query("SELECT name FROM \(unsafeSQL: schema).victims WHERE name = \(input)")
                #expect(rows.count == 1)
                #expect(try rows[0].decode("name", as: String.self) == input)
            }
            let total = try await pool.query("SELECT count(*) AS n FROM \(unsafeSQL: schema).victims")
            #expect(try total[0].decode("n", as: Int.self) == Self.hostileInputs.count + 1)
        }
    }
}
