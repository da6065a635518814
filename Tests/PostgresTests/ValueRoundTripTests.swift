import Foundation
import Postgres
import Testing

@Suite("Values round-trip through the server", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct ValueRoundTripTests {
    static let echoedValues: [PostgresValue] = [
        .text("héllo 🌍 こんにちは"),
        .text(""),
        .text("quotes ' \" and back\\slash"),
        .int(.min),
        .int(.max),
        .int(0),
        .bool(true),
        .bool(false),
        .double(0.1),
        .double(-1.5e300),
        .double(.infinity),
        .numeric(PostgresNumeric("12345678901234567890.12345678")!),
        .numeric(PostgresNumeric("-0.00000001")!),
        .bytea([0, 1, 0, 255, 0]),
        .bytea([]),
        .json(#"{"a":[1,2,{"b":null}],"ü":"✓"}"#),
        .jsonb(#"{"a": 1, "b": [true, null]}"#),
    ]

    @Test(arguments: echoedValues)
    func echoesAParameter(value: PostgresValue) async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, _ in
            let rows = try await pool.query("SELECT \(value) AS echoed")
            #expect(rows[0]["echoed"] == value)
        }
    }

    @Test func nullsOfEveryTypeComeBackAsNil() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, schema in
            try await createValuesTable(pool, schema)
            try await pool.execute(
                """
                INSERT INTO \(unsafeSQL: schema).samples (id, t, i8, i4, b, d, n, ts, by, j, jb)
                VALUES (1, \(String?.none), \(Int?.none), \(Int32?.none), \(Bool?.none), \(Double?.none),
                        \(PostgresNumeric?.none), \(Date?.none), \([UInt8]?.none), \(PostgresValue.null),
                        \(PostgresValue.null))
                """)
            let row = try await pool.query("SELECT * FROM \(unsafeSQL: schema).samples")[0]
            #expect(try row.decode("t", as: String?.self) == nil)
            #expect(try row.decode("i8", as: Int?.self) == nil)
            #expect(try row.decode("i4", as: Int32?.self) == nil)
            #expect(try row.decode("b", as: Bool?.self) == nil)
            #expect(try row.decode("d", as: Double?.self) == nil)
            #expect(try row.decode("n", as: PostgresNumeric?.self) == nil)
            #expect(try row.decode("ts", as: Date?.self) == nil)
            #expect(try row.decode("by", as: [UInt8]?.self) == nil)
            #expect(try row.decode("j", as: String?.self) == nil)
            #expect(row["jb"] == .null)
        }
    }

    @Test func typedColumnsRoundTrip() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, schema in
            try await createValuesTable(pool, schema)
            let text = "Zoë 😀 \u{1F1FA}\u{1F1F8} — ünïcödé"
            let numeric = PostgresNumeric("12345678901234567890.12345678")!
            let moment = Date(timeIntervalSince1970: 1_704_164_645.123456)
            let bytes: [UInt8] = [0, 0, 7, 0, 255, 128, 0]
            let id = "6f1c6a54-3b8e-4c1d-9a7e-1f2a3b4c5d6e"
            try await pool.execute(
                """
                INSERT INTO \(unsafeSQL: schema).samples (id, t, i8, i4, i2, b, d, n, ts, plain_ts, by, j, jb, u, vc)
                VALUES (2, \(text), \(Int64.max), \(Int32.min), \(Int32(-7)), \(true), \(Double.pi), \(numeric),
                        \(moment), \(moment), \(bytes), \(PostgresValue.json(#"{"k": "v"}"#)),
                        \(PostgresValue.jsonb(#"{"k": "v"}"#)), \(id)::uuid, \("short"))
                """)
            let row = try await pool.query("SELECT * FROM \(unsafeSQL: schema).samples WHERE id = \(2)")[0]
            #expect(try row.decode("t", as: String.self) == text)
            #expect(try row.decode("i8", as: Int64.self) == .max)
            #expect(try row.decode("i4", as: Int32.self) == .min)
            #expect(try row.decode("i2", as: Int.self) == -7)
            #expect(try row.decode("b", as: Bool.self))
            #expect(try row.decode("d", as: Double.self) == .pi)
            #expect(try row.decode("n", as: PostgresNumeric.self) == numeric)
            let readMoment = try row.decode("ts", as: Date.self)
            #expect(abs(readMoment.timeIntervalSince(moment)) < 0.000_001)
            let plainMoment = try row.decode("plain_ts", as: Date.self)
            #expect(abs(plainMoment.timeIntervalSince(moment)) < 0.000_001)
            #expect(try row.decode("by", as: [UInt8].self) == bytes)
            #expect(try row.decode("j", as: String.self) == #"{"k": "v"}"#)
            #expect(row["jb"] == .jsonb(#"{"k": "v"}"#))
            #expect(try row.decode("u", as: String.self) == id)
            #expect(try row.decode("vc", as: String.self) == "short")
        }
    }

    @Test func timestampsKeepMicroseconds() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, _ in
            let moment = Date(timeIntervalSince1970: 1_704_164_645.000_001)
            let row = try await pool.query(
                """
                SELECT \(moment) AS echoed, to_char(\(moment) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS text
                """)[0]
            #expect(try row.decode("text", as: String.self) == "2024-01-02 03:04:05.000001")
            #expect(abs(try row.decode("echoed", as: Date.self).timeIntervalSince(moment)) < 0.000_000_5)
        }
    }

    @Test func serverComputedValuesDecode() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, _ in
            let row = try await pool.query(
                """
                SELECT 7::int2 AS small, 1.5::float4 AS real, 'NaN'::numeric AS nan, count(*) AS total,
                       sum(x) AS summed, '2024-02-29'::date AS day, ARRAY[1, 2] AS list, now() AS current
                FROM (VALUES (1::int8), (2::int8)) AS v(x)
                """)[0]
            #expect(try row.decode("small", as: Int.self) == 7)
            #expect(try row.decode("real", as: Double.self) == 1.5)
            #expect(try row.decode("nan", as: Double.self).isNaN)
            #expect(try row.decode("total", as: Int.self) == 2)
            #expect(try row.decode("summed", as: Int.self) == 3)
            #expect(try row.decode("day", as: String.self) == "2024-02-29")
            #expect(try row.decode("list", as: String.self) == "{1,2}")
            #expect(try row.decode("current", as: Date.self) > Date(timeIntervalSince1970: 946_684_800))
        }
    }

    private func createValuesTable(_ pool: PostgresPool, _ schema: String) async throws {
        try await pool.execute(
            """
            CREATE TABLE \(unsafeSQL: schema).samples (
                id int8 PRIMARY KEY, t text, i8 int8, i4 int4, i2 int2, b bool, d float8, n numeric,
                ts timestamptz, plain_ts timestamp, by bytea, j json, jb jsonb, u uuid, vc varchar(20)
            )
            """)
    }
}
