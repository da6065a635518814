import COpenSSL

/// An RSA private key read once from its text and kept as OpenSSL's `EVP_PKEY`: PEM (`BEGIN PRIVATE KEY`,
/// PKCS#8, or `BEGIN RSA PRIVATE KEY`, PKCS#1; lines of any length, so a key pasted on one line reads
/// too) or the bare base64 of the same DER, as Alipay's key tool writes it; the DER is read by
/// `d2i_AutoPrivateKey`. Encrypted keys are refused (nothing here asks for a passphrase), and so are keys shorter
/// than `minimumBits`.
///
/// Safe to share: the key is never changed after `init` (nothing here calls a setter on it), and
/// OpenSSL 3 allows one `EVP_PKEY` to be used by many threads at once as long as none modifies it: each
/// signature builds its own `EVP_MD_CTX`/`EVP_PKEY_CTX`, which take a reference on the key through its
/// atomic reference count, and the provider-key cache inside it is updated under its own lock
/// (openssl-threads(7): "Objects are thread-safe as long as the API's being invoked don't modify the
/// object"; "two threads can calculate a signature using two different EVP_PKEY_CTX objects").
/// `deinit` frees it once, when the last Swift reference is gone.
public final class RSAPrivateKey: @unchecked Sendable {
    /// RSA2 (SHA256withRSA) as Alipay uses it needs 2048 bits at least.
    public static let minimumBits = 2048

    let key: OpaquePointer
    /// The modulus length.
    public let bits: Int

    /// Reads `text`: PEM, or bare base64 of PKCS#8 or PKCS#1 DER (whitespace ignored).
    public init(text: String) throws(CryptoError) {
        guard !text.contains("ENCRYPTED") else {
            throw CryptoError.invalidKey(reason: "the private key is encrypted; give it without a passphrase")
        }
        let der =
            text.contains("-----BEGIN")
            ? try RSAKeyText.der(ofPEM: text, labels: ["PRIVATE KEY", "RSA PRIVATE KEY"])
            : try RSAKeyText.der(ofBase64: text)
        let key = try RSAKeyText.readDER(der) { pointer, length in d2i_AutoPrivateKey(nil, &pointer, length) }
        let bits = Int(EVP_PKEY_get_bits(key))
        try RSAKeyText.checkRSA(key, bits: bits)
        self.key = key
        self.bits = bits
    }

    deinit { EVP_PKEY_free(key) }

    /// The matching public key (the SubjectPublicKeyInfo of this key).
    public func publicKey() throws(CryptoError) -> RSAPublicKey {
        let der = try RSAKeyText.subjectPublicKeyInfo(of: key)
        return try RSAPublicKey(der: der)
    }
}

/// An RSA public key read once from its text: the bare base64 of an X.509 SubjectPublicKeyInfo (how
/// Alipay shows its public key), or the same as PEM (`BEGIN PUBLIC KEY`).
///
/// Safe to share: as `RSAPrivateKey`, the `EVP_PKEY` is only read after `init` (verifications build
/// their own contexts), which OpenSSL 3 allows from many threads at once (openssl-threads(7)).
public final class RSAPublicKey: @unchecked Sendable {
    let key: OpaquePointer
    public let bits: Int
    /// The DER of the SubjectPublicKeyInfo.
    public let der: [UInt8]

    /// Reads `text`: PEM `BEGIN PUBLIC KEY`, or the bare base64 of the DER (whitespace ignored).
    public convenience init(text: String) throws(CryptoError) {
        try self.init(
            der: text.contains("-----BEGIN")
                ? RSAKeyText.der(ofPEM: text, labels: ["PUBLIC KEY"]) : RSAKeyText.der(ofBase64: text))
    }

    /// Reads the DER of a SubjectPublicKeyInfo, which must be all of `der`.
    public init(der: [UInt8]) throws(CryptoError) {
        let key = try RSAKeyText.readDER(der) { pointer, length in d2i_PUBKEY(nil, &pointer, length) }
        let bits = Int(EVP_PKEY_get_bits(key))
        try RSAKeyText.checkRSA(key, bits: bits)
        self.key = key
        self.bits = bits
        self.der = der
    }

    deinit { EVP_PKEY_free(key) }

    /// The key as Alipay shows one: the base64 of the DER, on one line.
    public var base64: String { Base64.encode(der) }
}

/// Reading keys from text with OpenSSL, and the checks every key passes.
enum RSAKeyText {
    /// The largest key text read; a 16384-bit private key in PEM is about 13 KB.
    static let maximumTextBytes = 16 * 1024

    /// The bytes of bare base64 text, whitespace removed.
    static func der(ofBase64 text: String) throws(CryptoError) -> [UInt8] {
        guard text.utf8.count <= maximumTextBytes else {
            throw CryptoError.invalidKey(reason: "the key text is longer than \(maximumTextBytes) bytes")
        }
        let compact = String(text.unicodeScalars.filter { !$0.properties.isWhitespace })
        guard !compact.isEmpty, let der = Base64.decode(compact) else {
            throw CryptoError.invalidKey(reason: "the key is neither PEM nor base64")
        }
        return der
    }

    /// The DER of the first PEM block labelled with one of `labels` (`-----BEGIN <label>-----` …
    /// `-----END <label>-----`): its base64 lines, however they are broken. A block with headers (an
    /// encrypted key's `Proc-Type`) is refused.
    static func der(ofPEM text: String, labels: [String]) throws(CryptoError) -> [UInt8] {
        for label in labels {
            guard let begin = text.firstRange(of: "-----BEGIN \(label)-----"),
                let end = text[begin.upperBound...].firstRange(of: "-----END \(label)-----")
            else { continue }
            let body = text[begin.upperBound..<end.lowerBound]
            guard !body.contains(":") else {
                throw CryptoError.invalidKey(reason: "the PEM block has headers (an encrypted key?)")
            }
            return try der(ofBase64: String(body))
        }
        throw CryptoError.invalidKey(
            reason: "no PEM block labelled \(labels.map { "'\($0)'" }.joined(separator: " or "))")
    }

    /// The key `read` decodes from `der`, which must use every byte.
    static func readDER(
        _ der: [UInt8], _ read: (inout UnsafePointer<UInt8>?, Int) -> OpaquePointer?
    ) throws(CryptoError) -> OpaquePointer {
        guard !der.isEmpty, der.count <= maximumTextBytes else {
            throw CryptoError.invalidKey(reason: "the key is \(der.count) bytes of DER")
        }
        let (key, used): (OpaquePointer?, Int) = der.withUnsafeBufferPointer { buffer in
            var pointer: UnsafePointer<UInt8>? = buffer.baseAddress
            let key = read(&pointer, buffer.count)
            return (key, pointer.map { buffer.baseAddress!.distance(to: $0) } ?? 0)
        }
        guard let key else { throw CryptoError.invalidKey(reason: "DER: \(OpenSSLErrorQueue.drain())") }
        guard used == der.count else {
            EVP_PKEY_free(key)
            throw CryptoError.invalidKey(reason: "\(der.count - used) bytes follow the key")
        }
        return key
    }

    /// Frees `key` and throws unless it is RSA of at least `RSAPrivateKey.minimumBits`.
    static func checkRSA(_ key: OpaquePointer, bits: Int) throws(CryptoError) {
        guard EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA else {
            EVP_PKEY_free(key)
            throw CryptoError.invalidKey(reason: "the key is not an RSA key")
        }
        guard bits >= RSAPrivateKey.minimumBits else {
            EVP_PKEY_free(key)
            throw CryptoError.invalidKey(
                reason: "the key has \(bits) bits; at least \(RSAPrivateKey.minimumBits) are needed")
        }
    }

    /// The DER of `key`'s SubjectPublicKeyInfo.
    static func subjectPublicKeyInfo(of key: OpaquePointer) throws(CryptoError) -> [UInt8] {
        let length = i2d_PUBKEY(key, nil)
        guard length > 0 else {
            throw CryptoError.openSSLFailure(operation: "i2d_PUBKEY", reason: OpenSSLErrorQueue.drain())
        }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer in
            var pointer: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            return i2d_PUBKEY(key, &pointer)
        }
        guard written == length else {
            throw CryptoError.openSSLFailure(operation: "i2d_PUBKEY", reason: OpenSSLErrorQueue.drain())
        }
        return der
    }
}
