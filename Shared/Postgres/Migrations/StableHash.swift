/// 64-bit FNV-1a: a fixed, platform-independent hash for advisory lock keys and migration checksums.
/// It detects accidental changes; it is not a cryptographic digest.
enum StableHash {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    static func fnv1a64<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// `fnv1a64:` followed by 16 lower-case hex digits.
    static func checksum(of text: String) -> String {
        let hex = String(fnv1a64(text.utf8), radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
