import Testing

@testable import AuthService

/// The PNG writer and its checksums, read back by `PNGTestReader`, which checks every chunk's CRC, the
/// zlib header, each stored block and the Adler-32 with code of its own.
struct PNGEncoderTests {
    @Test func checksumsOfKnownInputs() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(Adler32.checksum(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Adler32.checksum([]) == 1)
        let long = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        #expect(Adler32.checksum(long) == PNGTestReader.adler32(long))
        #expect(CRC32.checksum(long) == PNGTestReader.crc32(long))
    }

    @Test func anEmptyZlibStreamIsOneEmptyFinalBlock() throws {
        #expect(ZlibStoredStream.wrap([]) == [0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01])
        let (data, blocks) = try PNGTestReader.inflateStored(ZlibStoredStream.wrap([]))
        #expect(data.isEmpty && blocks == [0])
    }

    @Test func longDataIsSplitIntoBlocksOfAtMost65535Bytes() throws {
        let data = (0..<(2 * 65_535 + 10)).map { UInt8(truncatingIfNeeded: $0) }
        let (inflated, blocks) = try PNGTestReader.inflateStored(ZlibStoredStream.wrap(data))
        #expect(inflated == data)
        #expect(blocks == [65_535, 65_535, 10])
        let exact = [UInt8](repeating: 7, count: 65_535)
        #expect(try PNGTestReader.inflateStored(ZlibStoredStream.wrap(exact)).1 == [65_535])
    }

    @Test func aSmallImageComesBackPixelForPixel() throws {
        var image = BilevelImage(width: 11, height: 3)
        image.fillBlack(x: 0, y: 0, count: 1)
        image.fillBlack(x: 3, y: 1, count: 6)
        image.fillBlack(x: 10, y: 2, count: 1)
        let file = PNGEncoder.encode(image)
        #expect(Array(file.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let png = try PNGTestReader(file)
        #expect(png.chunks.map(\.type) == ["IHDR", "IDAT", "IEND"])
        #expect(png.chunks[0].data == [0, 0, 0, 11, 0, 0, 0, 3, 1, 0, 0, 0, 0])
        #expect(png.pixelCount == 33)
        #expect(png.scanlines.count == 3 * (2 + 1))
        for y in 0..<3 {
            for x in 0..<11 { #expect(png.isDark(x: x, y: y) == !image[x, y], "pixel \(x), \(y)") }
        }
        #expect(png.isDark(x: 0, y: 0) && !png.isDark(x: 1, y: 0) && png.isDark(x: 8, y: 1) && !png.isDark(x: 9, y: 1))
    }

    @Test func aWideImageSpansSeveralStoredBlocks() throws {
        var image = BilevelImage(width: 1280, height: 1280)
        image.fillBlack(x: 100, y: 640, count: 1000)
        image.copyRow(640, to: 641..<700)
        let png = try PNGTestReader(PNGEncoder.encode(image))
        #expect(png.width == 1280 && png.height == 1280 && png.bitDepth == 1)
        #expect(png.pixelCount == 1_638_400)
        #expect(png.storedBlockLengths.count == 4)
        #expect(png.storedBlockLengths.reduce(0, +) == 1280 * 161)
        #expect(png.isDark(x: 100, y: 699) && !png.isDark(x: 99, y: 699) && !png.isDark(x: 100, y: 700))
    }

    @Test func aDamagedChunkIsCaught() throws {
        var file = PNGEncoder.encode(BilevelImage(width: 4, height: 4))
        file[40] ^= 0x01
        #expect(throws: PNGTestReader.Problem.self) { try PNGTestReader(file) }
    }
}
