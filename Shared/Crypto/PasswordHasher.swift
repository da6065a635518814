/// Hashes and verifies passwords with PBKDF2-HMAC-SHA256 (OWASP 2023: 600,000 iterations,
/// 16-byte random salt, 32-byte key).
///
/// The result is self-describing, `pbkdf2-sha256$600000$<salt base64>$<key base64>`, so a stored hash
/// keeps verifying after the iteration count changes; `needsRehash` tells when to upgrade it.
///
/// Hashing and verifying are deliberately slow (about 0.3 s at the default count) and block the calling
/// thread: run them on a dedicated thread, never on an event loop or the Swift concurrency pool.
public struct PasswordHasher: Sendable {
    /// The iteration count recommended by OWASP in 2023 for PBKDF2-HMAC-SHA256.
    public static let defaultIterations = 600_000
    /// Longest password accepted, in UTF-8 bytes.
    public static let maximumPasswordBytes = 1024
    /// Length of the random salt generated for each new hash.
    public static let saltByteCount = 16
    /// Length of the derived key stored in each new hash.
    public static let keyByteCount = 32

    /// The iteration count used for new hashes.
    public let iterations: Int

    /// A hasher producing hashes with `iterations` rounds; it must be between 1 and 10,000,000.
    public init(iterations: Int = PasswordHasher.defaultIterations) {
        precondition(
            EncodedPasswordHash.iterationRange.contains(iterations),
            "PasswordHasher iterations must be between 1 and 10000000, got \(iterations)")
        self.iterations = iterations
    }

    /// A new salted hash of `password` in the encoded form described on the type.
    public func hash(_ password: String) throws(CryptoError) -> String {
        let passwordBytes = Array(password.utf8)
        guard passwordBytes.count <= Self.maximumPasswordBytes else {
            throw .passwordTooLong(byteCount: passwordBytes.count, limit: Self.maximumPasswordBytes)
        }
        let salt = SecureRandom.bytes(Self.saltByteCount)
        let key = try PBKDF2.sha256(
            password: passwordBytes, salt: salt, iterations: iterations, keyLength: Self.keyByteCount)
        return EncodedPasswordHash(iterations: iterations, salt: salt, key: key).encoded
    }

    /// Whether `password` matches the stored hash `encoded`, compared in constant time.
    ///
    /// Uses the iteration count written in `encoded`. A malformed hash or an over-long password gives `false`.
    public func verify(_ password: String, against encoded: String) -> Bool {
        let passwordBytes = Array(password.utf8)
        guard passwordBytes.count <= Self.maximumPasswordBytes,
            let stored = EncodedPasswordHash(parsing: encoded),
            let derived = try? PBKDF2.sha256(
                password: passwordBytes, salt: stored.salt, iterations: stored.iterations,
                keyLength: stored.key.count)
        else {
            return false
        }
        return constantTimeEquals(derived, stored.key)
    }

    /// Whether `encoded` should be replaced by a fresh hash: it is malformed or was made with other parameters.
    public func needsRehash(_ encoded: String) -> Bool {
        guard let stored = EncodedPasswordHash(parsing: encoded) else { return true }
        return stored.iterations != iterations || stored.salt.count != Self.saltByteCount
            || stored.key.count != Self.keyByteCount
    }
}
