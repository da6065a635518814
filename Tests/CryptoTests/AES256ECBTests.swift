import Crypto
import Testing

@Suite("AES-256-ECB")
struct AES256ECBTests {
    /// NIST SP 800-38A, F.1.5 (ECB-AES256.Encrypt), first block.
    static let key = Hex.decode("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4")!
    static let plaintext = Hex.decode("6bc1bee22e409f96e93d7e117393172a")!
    static let ciphertext = Hex.decode("f3eed1bdb5d2a03c064b5a7e3db181f8")!

    @Test("the NIST vector's block, then a block of padding")
    func nistVector() throws {
        let encrypted = try AES256ECB.encrypt(Self.plaintext, key: Self.key)
        #expect(encrypted.count == 32)
        #expect(Array(encrypted.prefix(16)) == Self.ciphertext)
        #expect(try AES256ECB.decrypt(encrypted, key: Self.key) == Self.plaintext)
    }

    @Test("a wrong key or a short key is refused")
    func wrongKeys() throws {
        let encrypted = try AES256ECB.encrypt(Array("refund".utf8), key: Self.key)
        var other = Self.key
        other[0] ^= 1
        #expect(throws: CryptoError.self) { _ = try AES256ECB.decrypt(encrypted, key: other) }
        #expect(throws: CryptoError.self) { _ = try AES256ECB.encrypt([1], key: [1, 2, 3]) }
    }
}
