import JSON
import Testing

/// Inputs in the spirit of the JSONTestSuite corpus: what RFC 8259 requires a strict parser to accept
/// and to refuse.
@Suite("RFC 8259 conformance cases")
struct ConformanceTests {
    static let accepted: [String] = [
        "[]", "{}", "0", "-0", "\"\"", "null", "true", "false", " [1] ", "\t\n\r [ ] \t\n\r",
        "[1,2,3]", #"{"a":[{"b":null}]}"#, "[-1.5e+10]", "[1E-7]", "[0.0]", "[1e0]", "[-0.0e-0]",
        "[1E+2]", "[0e1]", "[123456789012345678901234567890]", "[-123.456e-789]", "[1e1000]",
        #"["\u0000"]"#, #"["\"\\\/\b\f\n\r\t"]"#, #"["\uD83D\uDE00"]"#, #"["\ud83d\ude00"]"#,
        #"["\uFFFF"]"#, #"["\uDBFF\uDFFF"]"#, #"["\u2028\u2029"]"#, "[\"€𝄞\"]", "[\"\u{7F}\"]",
        "[\"\u{10FFFF}\"]", #"{"":0}"#, "[[[]]]", #"{"a":1,"b":2}"#, #"["a\u0041"]"#, "[ 1 , 2 ]",
        #"{ "a" : 1 }"#, #"[""]"#, #"{"a":{"a":{"a":1}}}"#, #"["/"]"#, #"[{},[],"",0,null]"#,
        "\"\u{4E2D}\u{6587}\"", #"{"a":1,"A":2}"#, "[-0.1]", "[9.9e-1]",
    ]

    static let refusedTexts: [String] = [
        "", " ", "[", "]", "[1,]", "[,1]", "[1,,2]", "{,}", #"{"a":1,}"#, #"{"a"}"#, #"{"a":}"#,
        "{a:1}", "{'a':1}", "['a']", "[01]", "[-01]", "[00]", "[+1]", "[.5]", "[1.]", "[1.e5]", "[1e]",
        "[1e+]", "[-]", "[- 1]", "[0x10]", "[NaN]", "[Infinity]", "[-Infinity]", "[tru]", "[nulll]",
        "[True]", "[1 2]", "[1]]", "[[1]", #"{"a":1}}"#, "[1]//c", "/*c*/[1]", #"["\x"]"#, #"["\u12"]"#,
        #"["\u12G4"]"#, #"["\uD800"]"#, #"["\uDC00\uD800"]"#, #"["\uD800\n"]"#, "[\"a\nb\"]",
        "[\"\u{01}\"]", "\u{FEFF}[]", #"["abc]"#, #""abc"#, #"["\"#, #"{"a":1,"a":1}"#, "[1]x",
        "nul", "[\u{A0}1]", #"["\U0041"]"#, "[1e1001]", #"{"a" "b"}"#, #"{"a":1 "b":2}"#, #"["\'"]"#,
        "1 2", "[\u{0C}]", "[1;2]", "{\"a\":1,,\"b\":2}", "[\"\u{1F}\"]", "[\"a\"\"b\"]", "{[]:1}",
        "[-1.5e]", "[1.5E-]", "[.]", "[0.e1]", "[1e1.5]", "[12a]", "[\"\\u\"]", "[\"\\uD834\\uDD\"]",
    ]

    static let refusedBytes: [[UInt8]] = [
        [0x22, 0xFF, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22],
        [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xE4, 0xB8, 0x22], [0x22, 0x80, 0x22],
        [0x22, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x22], [0x22, 0xE0, 0x80, 0xAF, 0x22],
        [0x22, 0xF0, 0x80, 0x80, 0xAF, 0x22],
        [0x5B, 0x00, 0x5D], [0xEF, 0xBB, 0xBF], [0x22, 0xC3],
    ]

    @Test("valid documents are accepted and survive a round trip", arguments: accepted)
    func acceptsValidDocument(_ text: String) throws {
        let value = try JSONValue.parse(text)
        #expect(try JSONValue.parse(value.serialized()) == value)
        #expect(try JSONValue.parse(value.serialized(escapeNonASCII: true)) == value)
    }

    @Test("invalid texts are refused", arguments: refusedTexts)
    func refusesInvalidText(_ text: String) {
        let error = parseError(text)
        #expect(error != nil)
        if let error { #expect(error.offset <= text.utf8.count) }
    }

    @Test("invalid byte sequences are refused", arguments: refusedBytes)
    func refusesInvalidBytes(_ bytes: [UInt8]) {
        #expect(parseError(bytes) != nil)
    }

    @Test("the case lists are as large as intended")
    func caseCount() {
        #expect(Self.accepted.count + Self.refusedTexts.count + Self.refusedBytes.count >= 120)
    }
}
