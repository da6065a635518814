import Crypto
import Testing

@Suite("PBKDF2-HMAC-SHA256")
struct PBKDF2Tests {
    @Test("password/salt with 1 iteration")
    func oneIteration() throws {
        let key = try PBKDF2.sha256(
            password: Array("password".utf8), salt: Array("salt".utf8), iterations: 1, keyLength: 32)
        #expect(key.hexString() == "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b")
    }

    @Test("password/salt with 4096 iterations")
    func manyIterations() throws {
        let key = try PBKDF2.sha256(
            password: Array("password".utf8), salt: Array("salt".utf8), iterations: 4096, keyLength: 32)
        #expect(key.hexString() == "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a")
    }

    @Test("an empty password is derived, not rejected")
    func emptyPassword() throws {
        let key = try PBKDF2.sha256(password: [UInt8](), salt: Array("salt".utf8), iterations: 1, keyLength: 32)
        #expect(key.count == 32)
    }

    @Test("out-of-range parameters throw a typed error")
    func invalidParameters() {
        #expect(throws: CryptoError.self) {
            try PBKDF2.sha256(password: [1], salt: [2], iterations: 0, keyLength: 32)
        }
        #expect(throws: CryptoError.self) {
            try PBKDF2.sha256(password: [1], salt: [2], iterations: 1, keyLength: 0)
        }
    }
}
