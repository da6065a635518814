import COpenSSL

/// Cryptographically secure random values from OpenSSL's CSPRNG (`RAND_bytes`).
///
/// If the generator cannot produce bytes (it could not be seeded), the process stops: continuing
/// with predictable tokens or salts would be worse than not running.
public enum SecureRandom {
    /// `count` random bytes; `count` must not be negative.
    public static func bytes(_ count: Int) -> [UInt8] {
        precondition(count >= 0, "SecureRandom.bytes needs a count of zero or more, got \(count)")
        var output = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let chunk = min(count - filled, Int(Int32.max))
            let status = output.withUnsafeMutableBufferPointer { buffer in
                RAND_bytes(buffer.baseAddress! + filled, Int32(chunk))
            }
            guard status == 1 else {
                fatalError("OpenSSL RAND_bytes could not produce random bytes: \(OpenSSLErrorQueue.drain())")
            }
            filled += chunk
        }
        return output
    }

    /// A random token of `bytes` random bytes as lower-case hex (32 characters for the default 16 bytes).
    public static func token(bytes count: Int = 16) -> String {
        Hex.encode(bytes(count))
    }

    /// `count` uniformly distributed decimal digits, for example a one-time code; leading zeros are kept.
    ///
    /// Bytes of 250 or more are discarded so that every digit is equally likely (no modulo bias).
    public static func digits(_ count: Int) -> String {
        precondition(count >= 0, "SecureRandom.digits needs a count of zero or more, got \(count)")
        let acceptedLimit: UInt8 = 250
        var text: [UInt8] = []
        text.reserveCapacity(count)
        while text.count < count {
            for byte in bytes(count - text.count + 8) where byte < acceptedLimit && text.count < count {
                text.append(UInt8(ascii: "0") + byte % 10)
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
