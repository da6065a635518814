import Foundation
import Testing

@testable import AuthService

/// The baseline JPEG encoder, checked by decoding its files with the test decoder.
@Suite struct JPEGEncoderTests {
    static let samplings: [JPEGEncoder.ChromaSampling] = [.halved, .full]

    @Test(arguments: samplings)
    func writesTheBaselineJFIFMarkersInOrder(chroma: JPEGEncoder.ChromaSampling) throws {
        let bytes = JPEGEncoder.encode(TestPictures.gradient(width: 40, height: 24), quality: 80, chroma: chroma)
        let decoded = try BaselineJPEGDecoder.decode(bytes)

        #expect(Array(bytes.prefix(2)) == [0xFF, 0xD8])
        #expect(Array(bytes.suffix(2)) == [0xFF, 0xD9])
        #expect(decoded.markers == [0xD8, 0xE0, 0xDB, 0xC0, 0xC4, 0xDA, 0xD9])
        #expect(decoded.hasJFIFHeader)
        let lumaSampling = chroma == .halved ? 2 : 1
        #expect(
            decoded.components == [
                .init(
                    identifier: 1, horizontalSampling: lumaSampling, verticalSampling: lumaSampling,
                    quantisationTable: 0),
                .init(identifier: 2, horizontalSampling: 1, verticalSampling: 1, quantisationTable: 1),
                .init(identifier: 3, horizontalSampling: 1, verticalSampling: 1, quantisationTable: 1),
            ])
    }

    /// A flat block keeps only its DC coefficient, quantised by at most 3 at quality 90, so each
    /// component is off by well under one level; colour conversion and rounding add at most two.
    @Test(arguments: samplings)
    func flatColoursComeBackWithinTwoLevels(chroma: JPEGEncoder.ChromaSampling) throws {
        let colours = [
            RGBColour(red: 0, green: 0, blue: 0), RGBColour(red: 255, green: 255, blue: 255),
            RGBColour(red: 200, green: 30, blue: 40), RGBColour(red: 20, green: 160, blue: 90),
            RGBColour(red: 70, green: 80, blue: 220), RGBColour(red: 128, green: 128, blue: 128),
        ]
        for colour in colours {
            let image = RGBImage(width: 24, height: 16, filledWith: colour)
            let decoded = try BaselineJPEGDecoder.decode(JPEGEncoder.encode(image, quality: 90, chroma: chroma))
            #expect(ImageComparison.largestDifference(image.pixels, decoded.pixels) <= 2, "colour \(colour)")
        }
    }

    /// Smooth gradients are what JPEG keeps best: 40 dB means an average error near 2.5 levels
    /// out of 255, invisible, while any mistake in tables, zig-zag order or DC prediction gives
    /// blocky garbage far below 20 dB.
    @Test(arguments: samplings)
    func gradientsComeBackAbove40Decibels(chroma: JPEGEncoder.ChromaSampling) throws {
        let image = TestPictures.gradient(width: 96, height: 64)
        let decoded = try BaselineJPEGDecoder.decode(JPEGEncoder.encode(image, quality: 90, chroma: chroma))
        #expect(ImageComparison.peakSignalToNoise(image.pixels, decoded.pixels) > 40)
    }

    /// Sides that are not multiples of 8 or 16 are padded inside the file (by repeating the last
    /// row and column, so the padding adds no edge) and cropped on decoding.
    @Test(arguments: [(1, 1), (7, 9), (17, 13), (33, 1), (1, 40), (123, 37)])
    func oddSizesKeepTheirDimensions(size: (width: Int, height: Int)) throws {
        let image = TestPictures.ramp(width: size.width, height: size.height)
        for chroma in Self.samplings {
            let decoded = try BaselineJPEGDecoder.decode(JPEGEncoder.encode(image, quality: 90, chroma: chroma))
            #expect(decoded.width == size.width && decoded.height == size.height)
            #expect(ImageComparison.peakSignalToNoise(image.pixels, decoded.pixels) > 36)
        }
    }

    /// Random noise makes many 0xFF bytes in the scan; the strict decoder rejects any that is not
    /// followed by a stuffed zero, and quality 100 keeps the noise closely.
    @Test func noiseSurvivesWithStuffedBytes() throws {
        var generator = SeededGenerator(seed: 7)
        let pixels = (0..<(64 * 48 * 3)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let image = RGBImage(width: 64, height: 48, pixels: pixels)
        let bytes = JPEGEncoder.encode(image, quality: 100, chroma: .full)
        let decoded = try BaselineJPEGDecoder.decode(bytes)
        #expect(ImageComparison.peakSignalToNoise(image.pixels, decoded.pixels) > 40)
        let scanStart = TestPictures.scanDataOffset(bytes)
        let scan = bytes[scanStart..<(bytes.count - 2)]
        #expect(scan.contains(0xFF))
        for index in scan.indices where scan[index] == 0xFF {
            #expect(scan[index + 1] == 0x00)
        }
    }

    @Test func quality50KeepsTheAnnexKTables() throws {
        let decoded = try BaselineJPEGDecoder.decode(
            JPEGEncoder.encode(TestPictures.gradient(width: 8, height: 8), quality: 50))
        #expect(decoded.quantisationTables[0] == JPEGTables.luminanceQuantisation)
        #expect(decoded.quantisationTables[1] == JPEGTables.chrominanceQuantisation)
    }

    @Test func qualityScalesTheTablesWithinOneByte() {
        #expect(JPEGTables.scaledQuantisation(JPEGTables.luminanceQuantisation, quality: 100).allSatisfy { $0 == 1 })
        #expect(JPEGTables.scaledQuantisation(JPEGTables.luminanceQuantisation, quality: 1).max() == 255)
        #expect(JPEGTables.scaledQuantisation(JPEGTables.luminanceQuantisation, quality: 75).prefix(3) == [8, 6, 5])
        #expect(
            JPEGTables.scaledQuantisation(JPEGTables.chrominanceQuantisation, quality: 500)
                == JPEGTables.scaledQuantisation(JPEGTables.chrominanceQuantisation, quality: 100))
    }

    @Test func zigZagOrderMatchesTheStandardFigure() {
        #expect(JPEGTables.zigZagOrder == BaselineJPEGDecoder.zigZagOrder)
    }

    /// Every AC table must code end-of-block, the sixteen-zero run and each run 0...15 with each
    /// size 1...10; every DC table the categories 0...11.
    @Test func huffmanTablesCoverEverySymbol() {
        var acSymbols: Set<Int> = [0x00, 0xF0]
        for run in 0...15 {
            for size in 1...10 {
                acSymbols.insert(run << 4 | size)
            }
        }
        for table in [JPEGTables.luminanceAC, JPEGTables.chrominanceAC] {
            #expect(table.symbols.count == 162 && Set(table.symbols) == acSymbols)
        }
        for table in [JPEGTables.luminanceDC, JPEGTables.chrominanceDC] {
            #expect(table.symbols == Array(0...11))
        }
    }

    /// Canonical codes are prefix-free and none is all one bits (T.81 C.2).
    @Test func huffmanCodesArePrefixFreeWithoutAllOnes() {
        let specifications = [
            JPEGTables.luminanceDC, JPEGTables.chrominanceDC, JPEGTables.luminanceAC, JPEGTables.chrominanceAC,
        ]
        for specification in specifications {
            let table = specification.encodingTable()
            let codes = specification.symbols.map { symbol in
                (code: Int(table.codes[symbol]), length: Int(table.lengths[symbol]))
            }
            for code in codes {
                #expect(code.length >= 1 && code.length <= 16)
                #expect(code.code != (1 << code.length) - 1)
            }
            for (index, first) in codes.enumerated() {
                for second in codes[(index + 1)...] {
                    let shorter = first.length <= second.length ? first : second
                    let longer = first.length <= second.length ? second : first
                    #expect(longer.code >> (longer.length - shorter.length) != shorter.code)
                }
            }
        }
    }

    @Test func bitWriterStuffsAndPadsWithOnes() {
        var writer = JPEGBitWriter(reservingCapacity: 8)
        writer.write(0xFF, count: 8)
        writer.write(0b101, count: 3)
        writer.padToByte()
        #expect(writer.bytes == [0xFF, 0x00, 0b1011_1111])
    }

    @Test func magnitudeCategoriesFollowTheStandard() {
        #expect(JPEGScanEncoder.category(of: 0) == 0)
        #expect(JPEGScanEncoder.category(of: 1) == 1 && JPEGScanEncoder.category(of: -1) == 1)
        #expect(JPEGScanEncoder.category(of: 2) == 2 && JPEGScanEncoder.category(of: -3) == 2)
        #expect(JPEGScanEncoder.category(of: 1023) == 10 && JPEGScanEncoder.category(of: -1024) == 11)
        #expect(JPEGScanEncoder.category(of: 2047) == 11)
    }

    /// The decoder reads a file written by an independent encoder (libjpeg-turbo's cjpeg,
    /// quality 90, 4:2:0): an orange left half and a teal right half, 32×16. Decoding it right
    /// shows the round-trip tests do not rest on a mistake the encoder and decoder share.
    @Test func decoderReadsAnIndependentlyWrittenFile() throws {
        let decoded = try BaselineJPEGDecoder.decode(TestPictures.independentTwoColourFile)
        #expect(decoded.width == 32 && decoded.height == 16)
        var expected = RGBImage(width: 32, height: 16, filledWith: RGBColour(red: 230, green: 120, blue: 40))
        for y in 0..<16 {
            for x in 16..<32 {
                expected[x, y] = RGBColour(red: 30, green: 140, blue: 160)
            }
        }
        #expect(ImageComparison.largestDifference(expected.pixels, decoded.pixels) <= 3)
    }
}

extension JPEGEncoder.ChromaSampling: CustomTestStringConvertible {
    public var testDescription: String { self == .halved ? "4:2:0" : "4:4:4" }
}
