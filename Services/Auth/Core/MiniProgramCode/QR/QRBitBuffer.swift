/// Bits appended most significant first and packed into bytes, the first bit in the top bit of the
/// first byte; the last byte is padded with zero bits.
struct QRBitBuffer: Sendable, Equatable {
    private(set) var bytes: [UInt8] = []
    /// How many bits were appended.
    private(set) var count = 0

    /// Appends the low `width` bits of `value`, most significant first.
    mutating func append(_ value: Int, width: Int) {
        precondition(
            (0...31).contains(width) && value >= 0 && value >> width == 0, "\(value) needs more than \(width) bits")
        for shift in stride(from: width - 1, through: 0, by: -1) {
            append(bit: (value >> shift) & 1 == 1)
        }
    }

    /// Appends one bit.
    mutating func append(bit: Bool) {
        if count % 8 == 0 { bytes.append(0) }
        if bit { bytes[count / 8] |= 0x80 >> UInt8(count % 8) }
        count += 1
    }

    /// Appends whole bytes.
    mutating func append(bytes more: [UInt8]) {
        for byte in more { append(Int(byte), width: 8) }
    }
}
