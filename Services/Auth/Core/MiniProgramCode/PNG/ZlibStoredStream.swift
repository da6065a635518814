/// A zlib stream (RFC 1950) whose deflate data (RFC 1951) is stored blocks only: no compression, so
/// writing it costs one copy and two checksums. A PNG of a QR code is mostly repeated rows; storing them
/// keeps the encoder small, and 1-bit pixels keep the file small enough.
enum ZlibStoredStream {
    /// The most bytes one stored block holds.
    static let maximumBlock = 65_535
    /// CMF 0x78 (deflate, 32 KiB window) and FLG 0x01 (no dictionary, fastest; the pair is a multiple of 31).
    static let header: [UInt8] = [0x78, 0x01]

    /// `data` as a zlib stream: the header, stored blocks of at most 65 535 bytes (the last marked
    /// final; an empty `data` is one empty final block) and the big-endian Adler-32 of `data`.
    static func wrap(_ data: [UInt8]) -> [UInt8] {
        let blockCount = max(1, (data.count + maximumBlock - 1) / maximumBlock)
        var stream = header
        stream.reserveCapacity(header.count + data.count + blockCount * 5 + 4)
        for block in 0..<blockCount {
            let start = block * maximumBlock
            let end = min(start + maximumBlock, data.count)
            let length = UInt16(end - start)
            // BFINAL in bit 0, BTYPE 00 (stored) in bits 1-2; the rest of the byte pads to a byte boundary.
            stream.append(block == blockCount - 1 ? 1 : 0)
            stream += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            stream += data[start..<end]
        }
        stream.appendBigEndian(Adler32.checksum(data))
        return stream
    }
}

extension [UInt8] {
    /// Appends `value` most significant byte first.
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [
            UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF),
        ])
    }
}
