import Crypto
import Testing

@Suite("Password hashing")
struct PasswordHasherTests {
    let hasher = PasswordHasher(iterations: 1000)

    @Test("hash has the self-describing format")
    func format() throws {
        let encoded = try hasher.hash("correct horse")
        let fields = encoded.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        #expect(fields.count == 4)
        #expect(fields.first == "pbkdf2-sha256")
        #expect(fields.dropFirst().first == "1000")
        #expect(Base64.decode(fields[2])?.count == 16)
        #expect(Base64.decode(fields[3])?.count == 32)
    }

    @Test("the same password hashes differently each time because of the salt")
    func saltedHashes() throws {
        #expect(try hasher.hash("correct horse") != hasher.hash("correct horse"))
    }

    @Test("verify accepts the right password and rejects others")
    func roundTrip() throws {
        let encoded = try hasher.hash("correct horse")
        #expect(hasher.verify("correct horse", against: encoded))
        #expect(!hasher.verify("correct horsf", against: encoded))
        #expect(!hasher.verify("Correct horse", against: encoded))
        #expect(!hasher.verify("", against: encoded))
    }

    @Test("non-ASCII and empty passwords round trip")
    func unusualPasswords() throws {
        let longest = String(repeating: "x", count: PasswordHasher.maximumPasswordBytes)
        for password in ["", "пароль", "密码🔑", longest] {
            let encoded = try hasher.hash(password)
            #expect(hasher.verify(password, against: encoded))
        }
    }

    @Test("verify reads the iteration count from the stored hash")
    func iterationsFromEncoding() throws {
        let older = try PasswordHasher(iterations: 10).hash("secret")
        #expect(hasher.verify("secret", against: older))
    }

    @Test("verify accepts a hash derived independently with the same parameters")
    func externalHash() {
        #expect(hasher.verify("correct horse", against: Self.validEncoded))
        #expect(!hasher.verify("correct horse!", against: Self.validEncoded))
    }

    @Test("over-long passwords are refused when hashing and fail verification")
    func passwordLengthBound() throws {
        let tooLong = String(repeating: "x", count: PasswordHasher.maximumPasswordBytes + 1)
        #expect(throws: CryptoError.passwordTooLong(byteCount: 1025, limit: 1024)) {
            try hasher.hash(tooLong)
        }
        let encoded = try hasher.hash("short")
        #expect(!hasher.verify(tooLong, against: encoded))
    }

    static let validSalt = "c2FsdHNhbHRzYWx0c2FsdA=="
    static let validKey = "BBs+1+PaslLtBPULUr8/lQicvVuHiEPMz0i8MjLCbzM="
    static let validEncoded = "pbkdf2-sha256$1000$\(validSalt)$\(validKey)"

    static func assemble(
        algorithm: String = "pbkdf2-sha256", iterations: String = "1000", salt: String = validSalt,
        key: String = validKey
    ) -> String {
        [algorithm, iterations, salt, key].joined(separator: "$")
    }

    static let malformedEncodings: [String] = [
        "",
        "pbkdf2-sha256",
        "pbkdf2-sha256$1000$\(validSalt)",
        validEncoded + "$",
        " " + validEncoded,
        validEncoded + String(repeating: "A", count: 600),
        assemble(algorithm: "pbkdf2-sha512"),
        assemble(algorithm: "PBKDF2-SHA256"),
        assemble(iterations: "0"),
        assemble(iterations: "-1000"),
        assemble(iterations: "+1000"),
        assemble(iterations: "01000"),
        assemble(iterations: "1e3"),
        assemble(iterations: ""),
        assemble(iterations: "99999999999999999999999"),
        assemble(iterations: "2000000000"),
        assemble(salt: "c2FsdHNhbHRzYWx0c2FsdA"),
        assemble(salt: "c2Fsd!NhbHRzYWx0c2FsdA=="),
        assemble(salt: "c2FsdA=="),
        assemble(salt: ""),
        assemble(key: ""),
        assemble(key: "BBs+1+Pa"),
    ]

    @Test("malformed stored hashes fail verification without crashing", arguments: malformedEncodings)
    func malformed(encoded: String) {
        #expect(!hasher.verify("correct horse", against: encoded))
        #expect(hasher.needsRehash(encoded))
    }

    @Test("needsRehash is false for current parameters and true after the iteration count changes")
    func rehash() throws {
        let encoded = try hasher.hash("secret")
        #expect(!hasher.needsRehash(encoded))
        #expect(PasswordHasher(iterations: 2000).needsRehash(encoded))
        #expect(PasswordHasher().needsRehash(encoded))
    }

    @Test("the default hasher uses 600,000 iterations and round trips")
    func defaultIterations() throws {
        let defaultHasher = PasswordHasher()
        #expect(defaultHasher.iterations == 600_000)
        let encoded = try defaultHasher.hash("correct horse")
        #expect(encoded.hasPrefix("pbkdf2-sha256$600000$"))
        #expect(defaultHasher.verify("correct horse", against: encoded))
        #expect(!defaultHasher.needsRehash(encoded))
    }
}
