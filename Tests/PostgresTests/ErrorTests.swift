import Postgres
import Testing

@Suite("Errors", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct ErrorTests {
    @Test func constraintViolationsAreClassified() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, schema in
            try await pool.execute(
                """
                CREATE TABLE \(unsafeSQL: schema).accounts (
                    email text CONSTRAINT accounts_email_key UNIQUE,
                    balance int8 CONSTRAINT accounts_balance_check CHECK (balance >= 0)
                )
                """)
            try await pool.execute("INSERT INTO \(unsafeSQL: schema).accounts VALUES (\("a@example.com"), \(1))")
            let duplicate = await #expect(throws: PostgresError.self) {
                try await pool.execute("INSERT INTO \(unsafeSQL: schema).accounts VALUES (\("a@example.com"), \(1))")
            }
            #expect(duplicate?.isUniqueViolation == true)
            #expect(duplicate?.sqlState == "23505")
            #expect(duplicate?.constraint == "accounts_email_key")
            #expect(duplicate?.detail?.contains("a@example.com") == true)
            #expect(duplicate?.description.contains("a@example.com") == false)
            let negative = await #expect(throws: PostgresError.self) {
                try await pool.execute("INSERT INTO \(unsafeSQL: schema).accounts VALUES (\("b@example.com"), \(-5))")
            }
            #expect(negative?.isCheckViolation == true)
            #expect(negative?.constraint == "accounts_balance_check")
            #expect(negative?.isSerializationFailure == false)
        }
    }

    @Test func decodingErrorsNameTheColumnAndTheType() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, _ in
            let row = try await pool.query("SELECT 'text' AS word, NULL::int8 AS nothing, 5 AS five")[0]
            let wrongType = #expect(throws: PostgresError.self) { try row.decode("word", as: Int.self) }
            #expect(wrongType?.kind == .decoding(column: "word", type: "Int", reason: "the value is text"))
            let null = #expect(throws: PostgresError.self) { try row.decode("nothing", as: Int.self) }
            #expect(null?.kind == .decoding(column: "nothing", type: "Int", reason: "the value is NULL"))
            let missing = #expect(throws: PostgresError.self) { try row.decode("absent", as: String.self) }
            let noSuchColumn = "the result has no such column"
            #expect(missing?.kind == .decoding(column: "absent", type: "String", reason: noSuchColumn))
            #expect(try row.decode("nothing", as: Int?.self) == nil)
            #expect(try row.decode(2, as: Int.self) == 5)
            #expect(row["absent"] == nil)
        }
    }

    @Test func valuesThatCannotBeSentAreRejectedBeforeSending() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, _ in
            let error = await #expect(throws: PostgresError.self) {
                try await pool.query("SELECT \(1) AS a, \("nul\u{0}byte") AS b")
            }
            #expect(error?.kind == .invalidParameter(index: 2, reason: "PostgreSQL text cannot contain NUL characters"))
            let rows = try await pool.query("SELECT 1 AS one")
            #expect(rows.count == 1)
        }
    }
}
