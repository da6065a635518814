/// Adler-32, the checksum that ends a zlib stream (RFC 1950 section 8.2): two sums modulo 65 521, the
/// second in the high half. The modulo is taken every 5 552 bytes, the most that cannot overflow.
struct Adler32: Sendable {
    private static let modulus: UInt32 = 65_521
    private static let stretch = 5_552

    private var low: UInt32 = 1
    private var high: UInt32 = 0

    /// The checksum of the bytes given so far.
    var value: UInt32 { high << 16 | low }

    mutating func update(_ bytes: [UInt8]) {
        var start = 0
        while start < bytes.count {
            let end = min(start + Self.stretch, bytes.count)
            for index in start..<end {
                low += UInt32(bytes[index])
                high += low
            }
            low %= Self.modulus
            high %= Self.modulus
            start = end
        }
    }

    /// The checksum of `bytes`.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var adler = Adler32()
        adler.update(bytes)
        return adler.value
    }
}
