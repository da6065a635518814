import COpenSSL

/// One-shot message digests (MD5, SHA-1, SHA-256) and HMAC, computed by OpenSSL.
///
/// MD5 and SHA-1 are offered only for protocols that require them (for example request signing of
/// older clients); never use them to protect passwords or for new integrity checks.
///
/// A digest can only fail when OpenSSL itself is unusable (for example MD5 under a FIPS-only
/// provider); that stops the process with a message naming the algorithm.
public enum Digest {
    /// The 16-byte MD5 digest of `bytes`.
    public static func md5(_ bytes: some Collection<UInt8>) -> [UInt8] {
        compute(bytes, algorithm: EVP_md5(), name: "MD5")
    }

    /// The 16-byte MD5 digest of the UTF-8 encoding of `text`.
    public static func md5(_ text: String) -> [UInt8] {
        md5(Array(text.utf8))
    }

    /// The 20-byte SHA-1 digest of `bytes`.
    public static func sha1(_ bytes: some Collection<UInt8>) -> [UInt8] {
        compute(bytes, algorithm: EVP_sha1(), name: "SHA-1")
    }

    /// The 20-byte SHA-1 digest of the UTF-8 encoding of `text`.
    public static func sha1(_ text: String) -> [UInt8] {
        sha1(Array(text.utf8))
    }

    /// The 32-byte SHA-256 digest of `bytes`.
    public static func sha256(_ bytes: some Collection<UInt8>) -> [UInt8] {
        compute(bytes, algorithm: EVP_sha256(), name: "SHA-256")
    }

    /// The 32-byte SHA-256 digest of the UTF-8 encoding of `text`.
    public static func sha256(_ text: String) -> [UInt8] {
        sha256(Array(text.utf8))
    }

    private static func compute(
        _ bytes: some Collection<UInt8>, algorithm: OpaquePointer?, name: String
    ) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let status = ByteAccess.withBytes(bytes) { pointer, count in
            EVP_Digest(pointer, count, &output, &length, algorithm, nil)
        }
        guard status == 1 else {
            fatalError("OpenSSL could not compute \(name): \(OpenSSLErrorQueue.drain())")
        }
        return Array(output.prefix(Int(length)))
    }
}
