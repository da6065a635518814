import JSON
import Testing

/// Builds inputs from valid documents by small random edits, reproducibly.
struct DocumentMutator {
    static let seeds: [String] = [
        #"{"code":"0000","msg":"成功","data":{"orderNo":"8818100520055000000100","amount":12.50,"list":[1,2,3]}}"#,
        #"[true,false,null,-0,1e10,1E-7,12345678901234567890.12345678,"a\"b\\c\/d\n\u00e9\uD83D\uDE00"]"#,
        #"{"a":{"b":{"c":[[],{},[{}],"x"]}},"d":"\u2028 \t","e":-1.5e+3}"#,
        "  [ 1 , { \"k\" : \"v\" } , [ ] ]  ",
        #""just a string with 中文 and \u4e2d""#,
        #"{"appid":"wx123","sign":"ABCDEF0123","timestamp":1584160000,"params":{"page":1,"size":20}}"#,
    ]

    static let tokens: [String] = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\uD800", "\\uDC00", "\\uD83D\\uDE00", "0", "-", "+", ".",
        "e", "E", "01", "1e1001", "true", "nul", " ", "\n", "\u{01}", "\"k\":", "[[[[", "]]]]", "é", "中", "\\n",
        "NaN",
    ]

    var random: SplitMix64

    mutating func next() -> [UInt8] {
        var bytes = Array(Self.seeds[random.below(Self.seeds.count)].utf8)
        for _ in 0..<(1 + random.below(3)) { mutate(&bytes) }
        return bytes
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        let position = bytes.isEmpty ? 0 : random.below(bytes.count)
        switch random.below(7) {
        case 0 where !bytes.isEmpty:
            bytes[position] ^= UInt8(1 << random.below(8))
        case 1 where !bytes.isEmpty:
            bytes.remove(at: position)
        case 2 where !bytes.isEmpty:
            bytes[position] = UInt8(truncatingIfNeeded: random.next())
        case 3:
            bytes.insert(contentsOf: Array(Self.tokens[random.below(Self.tokens.count)].utf8), at: position)
        case 4 where !bytes.isEmpty:
            let end = min(bytes.count, position + 1 + random.below(12))
            bytes.insert(contentsOf: bytes[position..<end], at: random.below(bytes.count))
        case 5:
            bytes.removeSubrange(position..<bytes.count)
        default:
            bytes.insert(contentsOf: Array(Self.tokens[random.below(Self.tokens.count)].utf8), at: bytes.count)
        }
    }
}

/// Builds random values, reproducibly, to check that whatever the serializer writes parses back.
struct ValueGenerator {
    var random: SplitMix64

    mutating func value(depth: Int = 0) -> JSONValue {
        switch random.below(depth > 4 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(random.below(2) == 0)
        case 2: return .number(number())
        case 3, 4: return .string(string())
        case 5: return .array((0..<random.below(5)).map { _ in value(depth: depth + 1) })
        default:
            var object = JSONObject()
            for _ in 0..<random.below(5) { object[string()] = value(depth: depth + 1) }
            return .object(object)
        }
    }

    private mutating func number() -> JSONNumber {
        var text = random.below(2) == 0 ? "-" : ""
        text += random.below(3) == 0 ? "0" : String(1 + random.below(999_999))
        if random.below(2) == 0 { text += "." + String(random.below(1000)) }
        if random.below(3) == 0 {
            text += ["e", "E"][random.below(2)] + ["", "+", "-"][random.below(3)] + String(random.below(400))
        }
        return JSONNumber(text: text)!
    }

    private mutating func string() -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<random.below(8) {
            let value: UInt32
            switch random.below(5) {
            case 0: value = UInt32(random.below(0x20))
            case 1: value = UInt32(0x20 + random.below(0x60))
            case 2: value = [0x22, 0x5C, 0x2F, 0x2028, 0x2029, 0x7F][random.below(6)]
            case 3: value = UInt32(0x80 + random.below(0xD800 - 0x80))
            default: value = UInt32(0x10000 + random.below(0x100000))
            }
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }
}

@Suite("Fuzzing with mutated documents")
struct MutationFuzzTests {
    @Test("50,000 mutated documents never crash; accepted ones re-serialize to an equal value")
    func mutatedDocuments() async {
        var mutator = DocumentMutator(random: SplitMix64(seed: 0x4A53_4F4E))
        var accepted = 0
        var refused = 0
        var failures = 0
        // Yields now and then: every suite shares the process, and servers of other suites need the threads.
        for round in 0..<50_000 where failures < 5 {
            if round % 1000 == 0 { await Task.yield() }
            let input = mutator.next()
            do {
                let value = try JSONValue.parse(input)
                accepted += 1
                let compact = value.serializedBytes()
                let escaped = value.serializedBytes(escapeNonASCII: true)
                let again = try JSONValue.parse(compact)
                let fromEscaped = try JSONValue.parse(escaped)
                if again != value || fromEscaped != value || again.serializedBytes() != compact {
                    failures += 1
                    Issue.record("round trip changed \(String(decoding: input, as: UTF8.self))")
                }
            } catch {
                refused += 1
                if error.offset < 0 || error.offset > input.count {
                    failures += 1
                    Issue.record("offset \(error.offset) outside the input of \(input.count) bytes: \(error)")
                }
            }
        }
        #expect(accepted > 1_000)
        #expect(refused > 10_000)
    }

    @Test("random values survive serialization and parsing")
    func randomValues() throws {
        var generator = ValueGenerator(random: SplitMix64(seed: 2_024))
        for _ in 0..<2_000 {
            let value = generator.value()
            #expect(try JSONValue.parse(value.serializedBytes()) == value)
            #expect(try JSONValue.parse(value.serialized(escapeNonASCII: true)) == value)
        }
    }
}
