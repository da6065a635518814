/// Writes a `BilevelImage` as a PNG file (ISO/IEC 15948): the signature, IHDR (1-bit greyscale, no
/// interlace), one IDAT with every row behind filter byte 0 in a stored zlib stream, and IEND; each
/// chunk with its CRC-32 over type and data.
enum PNGEncoder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let contentType = "image/png"

    static func encode(_ image: BilevelImage) -> [UInt8] {
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(image.width))
        header.appendBigEndian(UInt32(image.height))
        // Bit depth 1, colour type 0 (greyscale), compression 0, filter method 0, no interlace.
        header += [1, 0, 0, 0, 0]
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity(image.height * (image.rowBytes + 1))
        for y in 0..<image.height {
            scanlines.append(0)
            scanlines += image.row(y)
        }
        var file = signature
        appendChunk("IHDR", header, to: &file)
        appendChunk("IDAT", ZlibStoredStream.wrap(scanlines), to: &file)
        appendChunk("IEND", [], to: &file)
        return file
    }

    /// A chunk: data length, type, data, CRC-32 of type and data.
    private static func appendChunk(_ type: String, _ data: [UInt8], to file: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        file.appendBigEndian(UInt32(data.count))
        file += typeBytes
        file += data
        var crc = CRC32()
        crc.update(typeBytes)
        crc.update(data)
        file.appendBigEndian(crc.value)
    }
}
