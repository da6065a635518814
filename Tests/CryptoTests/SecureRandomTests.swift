import Crypto
import Testing

@Suite("Secure random values")
struct SecureRandomTests {
    @Test("produces the requested number of bytes")
    func byteCounts() {
        #expect(SecureRandom.bytes(0).isEmpty)
        #expect(SecureRandom.bytes(1).count == 1)
        #expect(SecureRandom.bytes(1000).count == 1000)
    }

    @Test("successive draws differ")
    func drawsDiffer() {
        #expect(SecureRandom.bytes(32) != SecureRandom.bytes(32))
    }

    @Test("tokens are 32 lower-case hex characters by default")
    func tokenShape() {
        let token = SecureRandom.token()
        #expect(token.count == 32)
        #expect(token.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(SecureRandom.token(bytes: 32).count == 64)
    }

    @Test("tokens are unique")
    func tokenUniqueness() {
        let tokens = Set((0..<1000).map { _ in SecureRandom.token() })
        #expect(tokens.count == 1000)
    }

    @Test("digits have the requested length and only decimal digits")
    func digitShape() {
        #expect(SecureRandom.digits(0) == "")
        let code = SecureRandom.digits(6)
        #expect(code.count == 6)
        #expect(code.allSatisfy { $0.isASCII && $0.isNumber })
    }

    /// 100,000 digits give 10,000 of each value on average with a standard deviation near 95; a band
    /// of ±700 (over 7 deviations) fails by chance far less than once in a billion runs.
    @Test("every digit appears about equally often")
    func digitUniformity() {
        var counts = [Int](repeating: 0, count: 10)
        for character in SecureRandom.digits(100_000).utf8 {
            counts[Int(character - UInt8(ascii: "0"))] += 1
        }
        #expect(counts.reduce(0, +) == 100_000)
        for count in counts {
            #expect((9_300...10_700).contains(count))
        }
    }
}
