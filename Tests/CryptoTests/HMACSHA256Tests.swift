import Crypto
import Testing

@Suite("HMAC-SHA256")
struct HMACSHA256Tests {
    @Test("RFC 4231 test case 1")
    func rfc4231Case1() {
        let key = [UInt8](repeating: 0x0B, count: 20)
        let mac = Digest.hmacSHA256(key: key, message: Array("Hi There".utf8))
        #expect(mac.hexString() == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    @Test("RFC 4231 test case 2")
    func rfc4231Case2() {
        let mac = Digest.hmacSHA256(key: "Jefe", message: "what do ya want for nothing?")
        #expect(mac.hexString() == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("RFC 4231 test case 6: key longer than the block size")
    func rfc4231Case6() {
        let key = [UInt8](repeating: 0xAA, count: 131)
        let message = "Test Using Larger Than Block-Size Key - Hash Key First"
        let mac = Digest.hmacSHA256(key: key, message: Array(message.utf8))
        #expect(mac.hexString() == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test("empty key and empty message")
    func emptyInputs() {
        let mac = Digest.hmacSHA256(key: "", message: "")
        #expect(mac.hexString() == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }
}
