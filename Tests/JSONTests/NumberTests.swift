import JSON
import Testing

@Suite("Numbers keep their text and convert exactly")
struct NumberTests {
    @Test("text is validated against the JSON grammar")
    func textValidation() {
        for text in ["0", "-0", "12.50", "1e10", "1E-7", "-1.5e+3", "12345678901234567890.12345678", "1e1000"] {
            #expect(JSONNumber(text: text)?.text == text)
        }
        let refused = ["", "01", "+1", " 1", "1 ", ".1", "1.", "NaN", "Infinity", "0x1F", "1e", "1e1001", "--1"]
        for text in refused {
            #expect(JSONNumber(text: text) == nil, "\(text) must be refused")
        }
    }

    @Test(
        "int is exact or nil",
        arguments: [
            ("12", 12), ("-12", -12), ("12.0", 12), ("1.2e1", 12), ("1200e-2", 12), ("-0", 0), ("0e1000", 0),
            ("0.000", 0), ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
            ("1e18", 1_000_000_000_000_000_000), ("922337203685477580.7e1", Int.max),
        ] as [(String, Int)])
    func exactIntegers(_ text: String, _ expected: Int) {
        #expect(JSONNumber(text: text)?.int == expected)
        #expect(JSONNumber(text: text)?.int64 == Int64(expected))
    }

    @Test(
        "int is nil for fractions and overflow",
        arguments: ["12.5", "1.25e1", "1e-1", "9223372036854775808", "-9223372036854775809", "1e19", "1e1000"])
    func inexactIntegers(_ text: String) {
        #expect(JSONNumber(text: text)?.int == nil)
    }

    @Test(
        "decimalText writes the value without an exponent",
        arguments: [
            ("1E-7", "0.0000001"), ("1e10", "10000000000"), ("1.5e3", "1500"), ("-1.25e-2", "-0.0125"),
            ("12.50", "12.50"), ("0.5e1", "5"), ("123.456e1", "1234.56"), ("1.50e1", "15.0"), ("-0e5", "-0"),
            ("0.0e1", "0"), ("12345678901234567890.12345678", "12345678901234567890.12345678"), ("5e+0", "5"),
        ] as [(String, String)])
    func decimalText(_ text: String, _ expected: String) {
        #expect(JSONNumber(text: text)?.decimalText == expected)
    }

    @Test("double converts within range")
    func doubles() {
        #expect(JSONNumber(text: "0.1")?.double == 0.1)
        #expect(JSONNumber(text: "-2.5E2")?.double == -250)
        #expect(JSONNumber(text: "1e400")?.double == nil)
        #expect(JSONNumber(text: "1e-400")?.double == 0)
    }

    @Test("constructed numbers have canonical text")
    func construction() {
        #expect(JSONNumber(42).text == "42")
        #expect(JSONNumber(Int64.min).text == "-9223372036854775808")
        #expect(JSONNumber(0.1)?.text == "0.1")
        #expect(JSONNumber(116.407526)?.double == 116.407526)
        #expect(JSONNumber(1e-7).flatMap { JSONNumber(text: $0.text) } != nil)
        #expect(JSONNumber(Double.infinity) == nil)
        #expect(JSONNumber(Double.nan) == nil)
        let literal: JSONNumber = 7
        #expect(literal.description == "7")
    }

    @Test("equality compares the text")
    func equalityByText() throws {
        #expect(JSONNumber(text: "1") != JSONNumber(text: "1.0"))
        #expect(try JSONValue.parse("[1.0]") != JSONValue.parse("[1]"))
        #expect(try JSONValue.parse("[1.0]") == JSONValue.parse("[ 1.0 ]"))
    }
}
