/// Packs entropy-coded bits most significant first into bytes, stuffing a zero byte after every
/// 0xFF so the scan data never looks like a marker.
struct JPEGBitWriter {
    private(set) var bytes: [UInt8]
    private var pending: UInt64 = 0
    private var pendingCount = 0

    init(reservingCapacity capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends the low `count` bits of `bits` (0...24 bits).
    @inline(__always)
    mutating func write(_ bits: UInt32, count: Int) {
        pending = (pending << UInt64(count)) | UInt64(bits & ((1 << UInt32(count)) &- 1))
        pendingCount += count
        while pendingCount >= 8 {
            pendingCount -= 8
            let byte = UInt8(truncatingIfNeeded: pending >> UInt64(pendingCount))
            bytes.append(byte)
            if byte == 0xFF {
                bytes.append(0x00)
            }
        }
        pending &= (1 << UInt64(pendingCount)) &- 1
    }

    /// Completes the last byte with one bits, as T.81 asks before a marker.
    mutating func padToByte() {
        if pendingCount > 0 {
            write((1 << UInt32(8 - pendingCount)) - 1, count: 8 - pendingCount)
        }
    }
}
