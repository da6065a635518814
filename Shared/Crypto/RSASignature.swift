import COpenSSL

/// SHA256withRSA signatures (RSASSA-PKCS1-v1_5 over SHA-256, RFC 8017 section 8.2), as Alipay's RSA2 signs
/// requests, answers and notifications. PKCS#1 v1.5 is deterministic: one key and one message always give
/// the same signature, so signatures can be tested against fixed vectors.
public enum RSASignature {
    /// The signature of `message` under `key`, as many bytes as the key's modulus.
    public static func sha256(_ message: some Collection<UInt8>, key: RSAPrivateKey) throws(CryptoError) -> [UInt8] {
        let operation = "SHA256withRSA signing"
        guard let context = EVP_MD_CTX_new() else {
            throw CryptoError.openSSLFailure(operation: operation, reason: OpenSSLErrorQueue.drain())
        }
        defer { EVP_MD_CTX_free(context) }
        var keyContext: OpaquePointer?
        guard EVP_DigestSignInit(context, &keyContext, EVP_sha256(), nil, key.key) == 1,
            EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING) == 1
        else {
            throw CryptoError.openSSLFailure(operation: operation, reason: OpenSSLErrorQueue.drain())
        }
        var length = Int(EVP_PKEY_get_size(key.key))
        var signature = [UInt8](repeating: 0, count: length)
        let signed = ByteAccess.withBytes(message) { bytes, count in
            signature.withUnsafeMutableBufferPointer { buffer in
                EVP_DigestSign(context, buffer.baseAddress, &length, bytes, count)
            }
        }
        guard signed == 1 else {
            throw CryptoError.openSSLFailure(operation: operation, reason: OpenSSLErrorQueue.drain())
        }
        return Array(signature.prefix(length))
    }

    /// Whether `signature` is `key`'s SHA256withRSA signature of `message`. Anything else (another key,
    /// another message, a signature of the wrong length or not PKCS#1 v1.5) is false, never an error.
    public static func isValidSHA256(
        _ signature: some Collection<UInt8>, of message: some Collection<UInt8>, key: RSAPublicKey
    ) -> Bool {
        guard let context = EVP_MD_CTX_new() else {
            ERR_clear_error()
            return false
        }
        defer { EVP_MD_CTX_free(context) }
        var keyContext: OpaquePointer?
        guard EVP_DigestVerifyInit(context, &keyContext, EVP_sha256(), nil, key.key) == 1,
            EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING) == 1
        else {
            ERR_clear_error()
            return false
        }
        let verified = ByteAccess.withBytes(signature) { signatureBytes, signatureCount in
            ByteAccess.withBytes(message) { bytes, count in
                EVP_DigestVerify(context, signatureBytes, signatureCount, bytes, count)
            }
        }
        if verified != 1 { ERR_clear_error() }
        return verified == 1
    }
}
