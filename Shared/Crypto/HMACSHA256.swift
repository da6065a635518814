import COpenSSL

extension Digest {
    /// The 32-byte HMAC-SHA256 of `message` under `key` (RFC 2104); keys up to 2 GiB are accepted.
    public static func hmacSHA256(key: some Collection<UInt8>, message: some Collection<UInt8>) -> [UInt8] {
        precondition(key.count <= Int(Int32.max), "HMAC-SHA256 key is \(key.count) bytes, the limit is 2 GiB")
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = ByteAccess.withBytes(key) { keyPointer, keyCount in
            ByteAccess.withBytes(message) { messagePointer, messageCount in
                HMAC(EVP_sha256(), keyPointer, Int32(keyCount), messagePointer, messageCount, &output, &length)
            }
        }
        guard result != nil else {
            fatalError("OpenSSL could not compute HMAC-SHA256: \(OpenSSLErrorQueue.drain())")
        }
        return Array(output.prefix(Int(length)))
    }

    /// The 32-byte HMAC-SHA256 of the UTF-8 `message` under the UTF-8 `key`.
    public static func hmacSHA256(key: String, message: String) -> [UInt8] {
        hmacSHA256(key: Array(key.utf8), message: Array(message.utf8))
    }
}
