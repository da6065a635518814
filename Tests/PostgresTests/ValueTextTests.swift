import Foundation
import Testing

@testable import Postgres

@Suite("Value text forms")
struct ValueTextTests {
    @Test func formatsTimestampsAsISO8601UTCWithMicroseconds() {
        let date = Date(timeIntervalSince1970: 1_704_164_645.123456)
        #expect(TimestampText.format(date) == "2024-01-02T03:04:05.123456Z")
        #expect(TimestampText.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000000Z")
        #expect(TimestampText.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000000Z")
        #expect(TimestampText.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000000Z")
    }

    @Test func parsesTheServersTimestampOutput() throws {
        let cases: [(String, Double)] = [
            ("2024-01-02 03:04:05.123456+00", 1_704_164_645.123456),
            ("2024-01-02 03:04:05+00", 1_704_164_645),
            ("2024-01-02 05:34:05.5+02:30", 1_704_164_645.5),
            ("2024-01-02 03:04:05", 1_704_164_645),
            ("1969-12-31 23:59:59.999999+00", -0.000001),
        ]
        for (text, seconds) in cases {
            let parsed = try #require(parse(text), "\(text)")
            #expect(abs(parsed.timeIntervalSince1970 - seconds) < 0.000_000_5, "\(text)")
        }
        #expect(parse("infinity") == .distantFuture)
        #expect(parse("-infinity") == .distantPast)
        #expect(parse("2024-13-02 03:04:05+00") == nil)
        #expect(parse("yesterday") == nil)
    }

    @Test func timestampsBeforeTheCommonEraRoundTrip() throws {
        let date = Date(timeIntervalSince1970: -62_135_683_200)
        let text = try #require(TimestampText.format(date))
        #expect(text == "0001-12-31T00:00:00.000000Z BC")
        #expect(parse("0001-12-31 00:00:00+00 BC") == date)
    }

    @Test func validatesNumerics() {
        for valid in ["0", "-1", "12345678901234567890.12345678", "0.5", "-0.00000001"] {
            #expect(PostgresNumeric(valid)?.text == valid)
        }
        for invalid in ["", "-", "1.", ".5", "+1", "1e5", "1,5", "NaN", "1.2.3", " 1"] {
            #expect(PostgresNumeric(invalid) == nil, "\(invalid)")
        }
        #expect(PostgresNumeric("42.000")?.exactInteger == 42)
        #expect(PostgresNumeric("42.5")?.exactInteger == nil)
    }

    @Test func encodesAndDecodesByteaHex() {
        #expect(ByteaHex.encode([0, 1, 0xab, 0xff]) == "\\x0001abff")
        let decoded = Array("\\x0001ABff".utf8).withUnsafeBytes { ByteaHex.decode($0) }
        #expect(decoded == [0, 1, 0xab, 0xff])
        #expect(Array("0001".utf8).withUnsafeBytes { ByteaHex.decode($0) } == nil)
    }

    @Test func interpolationBindsValuesInsteadOfSplicingThem() {
        let name = "x'; DROP TABLE users; --"
        let limit = 5
        let missing: String? = nil
        let query: PostgresQuery =
            "SELECT * FROM \(unsafeSQL: "users") WHERE name = \(name) OR note = \(missing) LIMIT \(limit)"
        #expect(query.sql == "SELECT * FROM users WHERE name = $1 OR note = $2 LIMIT $3")
        #expect(query.binds == [.text(name), .null, .int(5)])
        #expect(query.bindTypes == [.text, .text, .int8])
        #expect(!query.description.contains("DROP TABLE"))
    }

    @Test func parameterTextsUseTheFormsPostgresReads() throws {
        #expect(try PostgresValue.double(.infinity).parameterText(index: 1) == "Infinity")
        #expect(try PostgresValue.double(-.infinity).parameterText(index: 1) == "-Infinity")
        #expect(try PostgresValue.double(.nan).parameterText(index: 1) == "NaN")
        #expect(try PostgresValue.bool(true).parameterText(index: 1) == "t")
        #expect(try PostgresValue.null.parameterText(index: 1) == nil)
        let error = #expect(throws: PostgresError.self) { try PostgresValue.text("a\u{0}b").parameterText(index: 3) }
        #expect(error?.kind == .invalidParameter(index: 3, reason: "PostgreSQL text cannot contain NUL characters"))
    }

    private func parse(_ text: String) -> Date? {
        Array(text.utf8).withUnsafeBytes { TimestampText.parse($0) }
    }
}
