/// Reads back the PNG files the mini-program code simulator writes, checking every structural rule
/// on the way, for tests: the signature, each chunk's CRC-32 (computed bit by bit here, apart from the
/// encoder's table), IHDR, a zlib stream of stored deflate blocks with its header and Adler-32,
/// filter byte 0 on every row, and 1-bit or 8-bit greyscale pixels. Anything else is an error.
struct PNGTestReader {
    struct Chunk: Equatable {
        let type: String
        let data: [UInt8]
    }

    struct Problem: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    let width: Int
    let height: Int
    let bitDepth: Int
    let chunks: [Chunk]
    /// Stored deflate blocks in the stream, with their lengths.
    let storedBlockLengths: [Int]
    /// The inflated scanlines, filter bytes included.
    let scanlines: [UInt8]

    init(_ file: [UInt8]) throws {
        guard file.starts(with: Self.signature) else { throw Problem("no PNG signature") }
        var chunks: [Chunk] = []
        var offset = Self.signature.count
        while offset < file.count {
            guard offset + 12 <= file.count else { throw Problem("truncated chunk at \(offset)") }
            let length = Int(Self.bigEndian(file, offset))
            guard offset + 12 + length <= file.count else { throw Problem("chunk at \(offset) runs past the end") }
            let typeBytes = Array(file[(offset + 4)..<(offset + 8)])
            let data = Array(file[(offset + 8)..<(offset + 8 + length)])
            guard Self.bigEndian(file, offset + 8 + length) == Self.crc32(typeBytes + data) else {
                throw Problem("bad CRC on chunk \(String(decoding: typeBytes, as: UTF8.self))")
            }
            chunks.append(Chunk(type: String(decoding: typeBytes, as: UTF8.self), data: data))
            offset += 12 + length
        }
        guard chunks.first?.type == "IHDR", chunks.last?.type == "IEND", chunks.last?.data.isEmpty == true else {
            throw Problem("chunks must run IHDR … IEND")
        }
        let header = chunks[0].data
        guard header.count == 13 else { throw Problem("IHDR is \(header.count) bytes") }
        width = Int(Self.bigEndian(header, 0))
        height = Int(Self.bigEndian(header, 4))
        bitDepth = Int(header[8])
        guard width > 0, height > 0, [1, 8].contains(bitDepth), header[9] == 0, header[10] == 0, header[11] == 0,
            header[12] == 0
        else { throw Problem("IHDR is not 1- or 8-bit greyscale without interlace: \(header)") }
        let stream = chunks.filter { $0.type == "IDAT" }.flatMap(\.data)
        let (data, blocks) = try Self.inflateStored(stream)
        storedBlockLengths = blocks
        scanlines = data
        self.chunks = chunks
        let rowBytes = (width * bitDepth + 7) / 8
        guard scanlines.count == height * (rowBytes + 1) else {
            throw Problem("\(scanlines.count) bytes of scanlines for \(width)×\(height)")
        }
        for row in 0..<height where scanlines[row * (rowBytes + 1)] != 0 {
            throw Problem("row \(row) has filter \(scanlines[row * (rowBytes + 1)])")
        }
    }

    /// Pixels in the image (width × height).
    var pixelCount: Int { width * height }

    /// Whether the pixel at column `x`, row `y` is dark (below mid-grey).
    func isDark(x: Int, y: Int) -> Bool {
        let rowBytes = (width * bitDepth + 7) / 8
        let rowStart = y * (rowBytes + 1) + 1
        if bitDepth == 8 { return scanlines[rowStart + x] < 128 }
        return scanlines[rowStart + x / 8] & (0x80 >> UInt8(x % 8)) == 0
    }

    /// The data of a zlib stream made of stored deflate blocks, and the blocks' lengths.
    static func inflateStored(_ stream: [UInt8]) throws -> ([UInt8], [Int]) {
        guard stream.count >= 6, stream[0] & 0x0F == 8, (Int(stream[0]) << 8 | Int(stream[1])) % 31 == 0,
            stream[1] & 0x20 == 0
        else { throw Problem("bad zlib header") }
        var offset = 2
        var data: [UInt8] = []
        var blocks: [Int] = []
        while true {
            guard offset + 5 <= stream.count else { throw Problem("truncated deflate block") }
            let final = stream[offset] & 1 == 1
            guard (stream[offset] >> 1) & 3 == 0 else { throw Problem("not a stored block") }
            let length = Int(stream[offset + 1]) | Int(stream[offset + 2]) << 8
            let complement = Int(stream[offset + 3]) | Int(stream[offset + 4]) << 8
            guard length ^ complement == 0xFFFF else { throw Problem("LEN and NLEN disagree") }
            guard offset + 5 + length <= stream.count else { throw Problem("stored block runs past the end") }
            data += stream[(offset + 5)..<(offset + 5 + length)]
            blocks.append(length)
            offset += 5 + length
            if final { break }
        }
        guard offset + 4 == stream.count else { throw Problem("\(stream.count - offset) bytes after the last block") }
        guard bigEndian(stream, offset) == adler32(data) else { throw Problem("bad Adler-32") }
        return (data, blocks)
    }

    /// CRC-32 bit by bit (polynomial 0xEDB88320, reflected).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        return ~crc
    }

    /// Adler-32 with a modulo after every byte.
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }

    static func bigEndian(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
            | UInt32(bytes[offset + 3])
    }
}
