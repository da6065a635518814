import COpenSSL

/// AES-256 in ECB mode with PKCS#7 padding, by OpenSSL. ECB leaks equal blocks and is offered only
/// because a provider protocol requires it (WeChat Pay encrypts its refund notification's `req_info`
/// this way); never use it for data of our own.
public enum AES256ECB {
    /// `plaintext` encrypted under the 32-byte `key`.
    public static func encrypt(_ plaintext: [UInt8], key: [UInt8]) throws(CryptoError) -> [UInt8] {
        try run(plaintext, key: key, encrypting: true)
    }

    /// `ciphertext` decrypted under the 32-byte `key`; a wrong key or damaged text fails on its padding.
    public static func decrypt(_ ciphertext: [UInt8], key: [UInt8]) throws(CryptoError) -> [UInt8] {
        try run(ciphertext, key: key, encrypting: false)
    }

    private static func run(_ input: [UInt8], key: [UInt8], encrypting: Bool) throws(CryptoError) -> [UInt8] {
        let operation = encrypting ? "AES-256-ECB encryption" : "AES-256-ECB decryption"
        guard key.count == 32 else {
            throw CryptoError.invalidParameter(name: "key length", value: key.count, requirement: "32 bytes")
        }
        guard input.count <= Int(Int32.max) - 32 else {
            throw CryptoError.invalidParameter(name: "input length", value: input.count, requirement: "below 2 GiB")
        }
        guard let context = EVP_CIPHER_CTX_new() else {
            throw CryptoError.openSSLFailure(operation: operation, reason: OpenSSLErrorQueue.drain())
        }
        defer { EVP_CIPHER_CTX_free(context) }
        guard EVP_CipherInit_ex(context, EVP_aes_256_ecb(), nil, key, nil, encrypting ? 1 : 0) == 1 else {
            throw CryptoError.openSSLFailure(operation: operation, reason: OpenSSLErrorQueue.drain())
        }
        var output = [UInt8](repeating: 0, count: input.count + 32)
        var written: Int32 = 0
        var final: Int32 = 0
        let updated = output.withUnsafeMutableBufferPointer { buffer in
            EVP_CipherUpdate(context, buffer.baseAddress, &written, input, Int32(input.count))
        }
        guard updated == 1 else {
            throw CryptoError.openSSLFailure(operation: operation, reason: OpenSSLErrorQueue.drain())
        }
        let finished = output.withUnsafeMutableBufferPointer { buffer in
            EVP_CipherFinal_ex(context, buffer.baseAddress! + Int(written), &final)
        }
        guard finished == 1 else {
            throw CryptoError.openSSLFailure(operation: operation, reason: OpenSSLErrorQueue.drain())
        }
        return Array(output.prefix(Int(written + final)))
    }
}
