import Crypto
import Testing

@Suite("Hex encoding")
struct HexTests {
    @Test("encodes lower-case by default and upper-case on request")
    func encode() {
        let bytes: [UInt8] = [0x00, 0x0F, 0xA5, 0xFF]
        #expect(bytes.hexString() == "000fa5ff")
        #expect(bytes.hexString(uppercase: true) == "000FA5FF")
        #expect(Hex.encode([UInt8]()) == "")
    }

    @Test("round trips every byte value")
    func roundTrip() {
        let bytes = (0...255).map { UInt8($0) }
        #expect(Hex.decode(Hex.encode(bytes)) == bytes)
        #expect(Hex.decode(Hex.encode(bytes, uppercase: true)) == bytes)
    }

    @Test("decodes mixed case")
    func mixedCase() {
        #expect(Hex.decode("aBcD") == [0xAB, 0xCD])
        #expect(Hex.decode("") == [])
    }

    @Test("rejects bad input", arguments: ["a", "abc", "zz", "0x00", "ab cd", " ab", "é0", "1g"])
    func rejects(text: String) {
        #expect(Hex.decode(text) == nil)
    }
}
