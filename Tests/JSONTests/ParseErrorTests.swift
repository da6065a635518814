import JSON
import Testing

/// One refused input with the error it must raise.
struct ErrorCase: Sendable, CustomStringConvertible {
    let name: String
    let bytes: [UInt8]
    let kind: JSONError.Kind
    let offset: Int
    var limits = JSONLimits()

    init(_ name: String, _ text: String, _ kind: JSONError.Kind, at offset: Int, limits: JSONLimits = JSONLimits()) {
        self.init(name, Array(text.utf8), kind, at: offset, limits: limits)
    }

    init(_ name: String, _ bytes: [UInt8], _ kind: JSONError.Kind, at offset: Int, limits: JSONLimits = JSONLimits()) {
        self.name = name
        self.bytes = bytes
        self.kind = kind
        self.offset = offset
        self.limits = limits
    }

    var description: String { name }
}

@Suite("Parse errors name the problem and its byte offset")
struct ParseErrorTests {
    static let nested65 = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)

    static let cases: [ErrorCase] = [
        ErrorCase("trailing comma in array", "[1,2,]", .trailingComma, at: 4),
        ErrorCase("trailing comma in object", #"{"a":1,}"#, .trailingComma, at: 6),
        ErrorCase("leading zero", "[01]", .leadingZero, at: 1),
        ErrorCase("negative leading zero", "-01", .leadingZero, at: 1),
        ErrorCase("bad escape", #"["a\x"]"#, .invalidEscape, at: 3),
        ErrorCase("short unicode escape", #"["\u12G4"]"#, .invalidEscape, at: 2),
        ErrorCase("lone high surrogate", #"["\ud800"]"#, .loneSurrogate, at: 2),
        ErrorCase("lone low surrogate", #"["\uDC00"]"#, .loneSurrogate, at: 2),
        ErrorCase("high surrogate before a non-surrogate", #"["\uD800\u0041"]"#, .loneSurrogate, at: 2),
        ErrorCase("high surrogate before another escape", #"["x\uD83D\n"]"#, .loneSurrogate, at: 3),
        ErrorCase("raw tab in string", "[\"a\tb\"]", .controlCharacter(0x09), at: 3),
        ErrorCase("raw newline in string", "\"\n\"", .controlCharacter(0x0A), at: 1),
        ErrorCase("invalid UTF-8 pair", [0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D], .invalidUTF8, at: 2),
        ErrorCase("overlong UTF-8", [0x22, 0x61, 0xC0, 0x80, 0x22], .invalidUTF8, at: 2),
        ErrorCase("UTF-8 encoded surrogate", [0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8, at: 1),
        ErrorCase("UTF-8 beyond U+10FFFF", [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], .invalidUTF8, at: 1),
        ErrorCase("truncated UTF-8", [0x22, 0xE4, 0xB8, 0x22], .invalidUTF8, at: 1),
        ErrorCase("stray continuation byte", [0x22, 0x80, 0x22], .invalidUTF8, at: 1),
        ErrorCase("invalid UTF-8 after an escape", [0x22, 0x5C, 0x6E, 0xFF, 0x22], .invalidUTF8, at: 3),
        ErrorCase(
            "non-ASCII byte outside strings", [0x5B, 0xFF, 0x5D], .unexpectedByte(0xFF, expected: "a value"), at: 1),
        ErrorCase("duplicate key", #"{"a":1,"a":2}"#, .duplicateKey("a"), at: 7),
        ErrorCase("duplicate key in a large object", largeObjectWithDuplicate, .duplicateKey("k3"), at: 89),
        ErrorCase("depth 65", nested65, .tooDeep(limit: 64), at: 64),
        ErrorCase("depth 65 through objects", String(repeating: #"{"a":"#, count: 65), .tooDeep(limit: 64), at: 320),
        ErrorCase("unterminated string", #"["abc"#, .unterminatedString, at: 1),
        ErrorCase("unterminated escape", #"["ab\"#, .unterminatedString, at: 1),
        ErrorCase("unterminated unicode escape", #""\u00"#, .unterminatedString, at: 0),
        ErrorCase("unterminated array", "[1,2", .unexpectedEnd(expected: "',' or ']'"), at: 4),
        ErrorCase("unterminated object", #"{"a":"#, .unexpectedEnd(expected: "a value"), at: 5),
        ErrorCase("empty input", "", .unexpectedEnd(expected: "a value"), at: 0),
        ErrorCase("whitespace only", " \n", .unexpectedEnd(expected: "a value"), at: 2),
        ErrorCase("data after the value", "[] x", .trailingData, at: 3),
        ErrorCase("two values", "1 2", .trailingData, at: 2),
        ErrorCase("comment after the value", "[1]//c", .trailingData, at: 3),
        ErrorCase("comment before the value", "/*c*/[1]", .unexpectedByte(0x2F, expected: "a value"), at: 0),
        ErrorCase("misspelled literal", "[tru]", .invalidLiteral, at: 1),
        ErrorCase("truncated literal", "nul", .unexpectedEnd(expected: "'null'"), at: 3),
        ErrorCase("capitalised literal", "[True]", .unexpectedByte(0x54, expected: "a value"), at: 1),
        ErrorCase("NaN", "[NaN]", .unexpectedByte(0x4E, expected: "a value"), at: 1),
        ErrorCase("plus sign", "[+1]", .unexpectedByte(0x2B, expected: "a value"), at: 1),
        ErrorCase("fraction without digits", "[1.]", .invalidNumber("a digit must follow '.'"), at: 3),
        ErrorCase("minus alone", "[-]", .invalidNumber("a digit must follow '-'"), at: 2),
        ErrorCase("exponent without digits", "[1e+]", .invalidNumber("the exponent needs a digit"), at: 4),
        ErrorCase("exponent too large", "[1e1001]", .numberOutOfRange, at: 1),
        ErrorCase("missing colon", #"{"a" 1}"#, .unexpectedByte(0x31, expected: "':'"), at: 5),
        ErrorCase("number key", "{1:2}", .unexpectedByte(0x31, expected: "a string key"), at: 1),
        ErrorCase("missing comma", "[1 2]", .unexpectedByte(0x32, expected: "',' or ']'"), at: 3),
        ErrorCase("wrong closing bracket", #"{"a":1]"#, .unexpectedByte(0x5D, expected: "',' or '}'"), at: 6),
        ErrorCase("comma then wrong bracket", "[1,}", .unexpectedByte(0x7D, expected: "a value"), at: 3),
        ErrorCase(
            "string too long", #"["abcde"]"#, .stringTooLong(limit: 4), at: 1, limits: JSONLimits(maxStringBytes: 4)),
        ErrorCase(
            "escaped string too long", #"["ab\ncd"]"#, .stringTooLong(limit: 4), at: 1,
            limits: JSONLimits(maxStringBytes: 4)),
        ErrorCase(
            "long key", #"{"abcde":1}"#, .stringTooLong(limit: 4), at: 1, limits: JSONLimits(maxStringBytes: 4)),
        ErrorCase(
            "too many array elements", "[1,2,3,4]", .tooManyElements(limit: 3), at: 7,
            limits: JSONLimits(maxElements: 3)),
        ErrorCase(
            "too many object members", #"{"a":1,"b":2,"c":3,"d":4}"#, .tooManyElements(limit: 3), at: 23,
            limits: JSONLimits(maxElements: 3)),
        ErrorCase("document too large", "[1,2]", .documentTooLarge(limit: 4), at: 4, limits: JSONLimits(maxBytes: 4)),
    ]

    /// `{"k0":0,...,"k11":11,"k3":3}`: large enough for the object to keep a key index.
    static var largeObjectWithDuplicate: String {
        "{" + (0..<12).map { "\"k\($0)\":\($0)," }.joined() + "\"k3\":3}"
    }

    @Test("each refused input raises its error at its offset", arguments: cases)
    func refusedInput(_ testCase: ErrorCase) {
        let error = parseError(testCase.bytes, limits: testCase.limits)
        #expect(error == JSONError(testCase.kind, offset: testCase.offset))
    }

    @Test("the message says what and where")
    func messages() {
        #expect(parseError("[1,2,]")?.description == "trailing comma at byte 4")
        #expect(parseError(#"{"id":1,"id":2}"#)?.description == #"duplicate key "id" at byte 8"#)
        #expect(parseError("[1 x]")?.description == "unexpected 'x', expected ',' or ']' at byte 3")
        #expect(parseError("[\"\u{01}\"]")?.description == "unescaped control character byte 0x01 in string at byte 2")
        #expect(parseError(Self.nested65)?.reason == "nesting deeper than 64 levels")
    }

    @Test("64 levels of nesting are accepted")
    func depth64Accepted() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try JSONValue.parse(text).serialized() == text)
        let objects = String(repeating: #"{"a":"#, count: 63) + "{}" + String(repeating: "}", count: 63)
        #expect(try JSONValue.parse(objects).serialized() == objects)
    }

    @Test("100,000 opening brackets hit the depth limit instead of the stack")
    func deepNestingDoesNotCrash() {
        let brackets = [UInt8](repeating: 0x5B, count: 100_000)
        #expect(parseError(brackets) == JSONError(.tooDeep(limit: 64), offset: 64))
        let mixed = Array(String(repeating: #"[{"a":"#, count: 50_000).utf8)
        #expect(parseError(mixed) == JSONError(.tooDeep(limit: 64), offset: 6 * 32))
    }

    @Test("a container may hold exactly the element limit")
    func elementLimitIsInclusive() throws {
        let count = 100_000
        let text = "[" + Array(repeating: "0", count: count).joined(separator: ",") + "]"
        #expect(try JSONValue.parse(text).arrayValue?.count == count)
        let tooMany = "[" + Array(repeating: "0", count: count + 1).joined(separator: ",") + "]"
        #expect(parseError(tooMany) == JSONError(.tooManyElements(limit: count), offset: 2 * count + 1))
    }
}
