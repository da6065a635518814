import COpenSSL

/// PBKDF2 key derivation (RFC 8018) with HMAC-SHA256 as the pseudo-random function.
///
/// Derivation cost grows linearly with `iterations` and blocks the calling thread; run large
/// counts on a thread of their own, never on an event loop or the Swift concurrency pool.
public enum PBKDF2 {
    /// Derives `keyLength` bytes from `password` and `salt` with `iterations` rounds of HMAC-SHA256.
    public static func sha256(
        password: some Collection<UInt8>, salt: some Collection<UInt8>, iterations: Int, keyLength: Int
    ) throws(CryptoError) -> [UInt8] {
        guard iterations >= 1, iterations <= Int(Int32.max) else {
            throw .invalidParameter(name: "iterations", value: iterations, requirement: "between 1 and 2147483647")
        }
        guard keyLength >= 1, keyLength <= 1024 else {
            throw .invalidParameter(name: "keyLength", value: keyLength, requirement: "between 1 and 1024 bytes")
        }
        guard password.count <= Int(Int32.max) else {
            throw .invalidParameter(name: "password length", value: password.count, requirement: "at most 2 GiB")
        }
        guard salt.count <= Int(Int32.max) else {
            throw .invalidParameter(name: "salt length", value: salt.count, requirement: "at most 2 GiB")
        }
        var output = [UInt8](repeating: 0, count: keyLength)
        let status = ByteAccess.withBytes(password) { passwordPointer, passwordCount in
            ByteAccess.withBytes(salt) { saltPointer, saltCount in
                passwordPointer.withMemoryRebound(to: CChar.self, capacity: max(passwordCount, 1)) { passwordText in
                    PKCS5_PBKDF2_HMAC(
                        passwordText, Int32(passwordCount), saltPointer, Int32(saltCount), Int32(iterations),
                        EVP_sha256(), Int32(keyLength), &output)
                }
            }
        }
        guard status == 1 else {
            throw .openSSLFailure(operation: "PKCS5_PBKDF2_HMAC", reason: OpenSSLErrorQueue.drain())
        }
        return output
    }
}
