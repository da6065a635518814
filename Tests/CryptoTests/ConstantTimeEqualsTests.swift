import Crypto
import Testing

@Suite("Constant-time comparison")
struct ConstantTimeEqualsTests {
    @Test("equal bytes compare equal")
    func equalBytes() {
        #expect(constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(constantTimeEquals([UInt8](), [UInt8]()))
    }

    @Test("different bytes of the same length compare unequal")
    func differentBytes() {
        #expect(!constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!constantTimeEquals([0, 2, 3], [1, 2, 3]))
    }

    @Test("different lengths compare unequal, including a prefix and the empty array")
    func differentLengths() {
        #expect(!constantTimeEquals([1, 2, 3], [1, 2]))
        #expect(!constantTimeEquals([1, 2], [1, 2, 3]))
        #expect(!constantTimeEquals([], [0]))
        #expect(!constantTimeEquals([0], []))
    }

    @Test("strings compare by their UTF-8 bytes")
    func strings() {
        #expect(constantTimeEquals("token", "token"))
        #expect(!constantTimeEquals("token", "Token"))
        #expect(!constantTimeEquals("token", "token "))
        #expect(constantTimeEquals("", ""))
    }
}
