import JSON
import Testing

@Suite("Unicode text in strings")
struct UnicodeTests {
    @Test("Chinese text is read from UTF-8 and written back as UTF-8")
    func chineseText() throws {
        let value = try JSONValue.parse(#"{"msg":"下单成功","city":"北京市"}"#)
        #expect(value["msg"]?.stringValue == "下单成功")
        #expect(value.serialized() == #"{"msg":"下单成功","city":"北京市"}"#)
    }

    @Test("escaped Chinese text and surrogate pairs decode to the characters")
    func escapedText() throws {
        #expect(try JSONValue.parse(#""\u4e2d\u6587""#) == "中文")
        #expect(try JSONValue.parse(#""\uD83D\uDE00 ok""#) == "😀 ok")
        #expect(
            try JSONValue.parse(#""a\u00e9\u0000z""#).stringValue?.unicodeScalars.map(\.value) == [
                0x61, 0xE9, 0x00, 0x7A,
            ])
    }

    @Test("escapeNonASCII writes \\u escapes with surrogate pairs beyond the BMP")
    func escapeNonASCII() {
        let value: JSONValue = ["msg": "中文😀é", "ascii": "a/b"]
        #expect(value.serialized(escapeNonASCII: true) == #"{"msg":"\u4e2d\u6587\ud83d\ude00\u00e9","ascii":"a/b"}"#)
        #expect(value.serialized() == #"{"msg":"中文😀é","ascii":"a/b"}"#)
    }

    @Test("only quotes, backslashes, controls and U+2028/U+2029 are escaped")
    func minimalEscaping() {
        let text = "q\"b\\s/n\nr\rt\tb\u{08}f\u{0C}z\u{00}u\u{1F}d\u{7F}l\u{2028}p\u{2029}e\u{2000}"
        let expected = #""q\"b\\s/n\nr\rt\tb\bf\fz\u0000u\u001fd"# + "\u{7F}" + #"l\u2028p\u2029e"# + "\u{2000}\""
        #expect(JSONValue.string(text).serialized() == expected)
        #expect(JSONValue.string(text).serialized(escapeNonASCII: true).hasSuffix(#"l\u2028p\u2029e\u2000""#))
    }

    @Test("UTF-8 sequences near the E2 lead byte that are not separators pass unchanged")
    func nearSeparators() throws {
        let text = "\u{2027}\u{202A}\u{20AC}\u{2000}"
        #expect(JSONValue.string(text).serialized() == "\"\(text)\"")
        #expect(try JSONValue.parse(JSONValue.string(text).serialized()) == .string(text))
    }

    @Test("every scalar class survives both serializations")
    func scalarRoundTrip() throws {
        let samples: [UInt32] = [
            0x00, 0x1F, 0x20, 0x22, 0x5C, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
            0x10000, 0x1F600, 0x10FFFF,
        ]
        let text = String(String.UnicodeScalarView(samples.compactMap(Unicode.Scalar.init)))
        let value = JSONValue.array([.string(text)])
        #expect(try JSONValue.parse(value.serialized()) == value)
        #expect(try JSONValue.parse(value.serialized(escapeNonASCII: true)) == value)
        #expect(value.serialized(escapeNonASCII: true).utf8.allSatisfy { $0 < 0x80 })
    }
}
