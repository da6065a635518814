import Testing

@testable import AuthService

/// The parts of the QR encoder against the standard's own numbers: field arithmetic, a generator
/// polynomial, Reed–Solomon codewords, format and version information, capacities, block interleaving,
/// the penalty rules and the mask choice.
struct QREncoderPartsTests {
    @Test func fieldArithmetic() {
        #expect(GaloisField256.multiply(2, 0x80) == 0x1D)
        #expect(GaloisField256.powers[255] == 1)
        for value in 1...255 {
            let inverse = GaloisField256.powers[255 - GaloisField256.logarithms[value]]
            #expect(GaloisField256.multiply(UInt8(value), inverse) == 1)
        }
    }

    /// Annex A: the generator polynomial for 7 error correction codewords.
    @Test func generatorPolynomialOfDegreeSeven() {
        let exponents = ReedSolomonEncoder(degree: 7).generator.map { GaloisField256.logarithms[Int($0)] }
        #expect(exponents == [87, 229, 146, 149, 238, 102, 21])
    }

    /// The worked example of annex I: "01234567" in version 1-M.
    @Test func errorCorrectionOfTheWorkedExample() {
        let data: [UInt8] = [
            0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
        ]
        #expect(
            ReedSolomonEncoder(degree: 10).remainder(of: data) == [
                0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55,
            ])
    }

    @Test func formatAndVersionInformation() {
        #expect(QRFormatInformation.formatBits(level: .medium, mask: 0) == 0b101_0100_0001_0010)
        #expect(QRFormatInformation.formatBits(level: .low, mask: 0) == 0b111_0111_1100_0100)
        #expect(QRFormatInformation.formatBits(level: .quartile, mask: 0) == 0b011_0101_0101_1111)
        #expect(QRFormatInformation.formatBits(level: .high, mask: 0) == 0b001_0110_1000_1001)
        #expect(QRFormatInformation.versionBits(QRVersion.numbered(7)!) == 0b00_0111_1100_1001_0100)
        #expect(QRFormatInformation.versionBits(QRVersion.numbered(40)!) == 0b10_1000_1100_0110_1001)
    }

    @Test func capacities() {
        let counts = [1, 2, 7, 10, 40].map { QRVersion.numbered($0)!.codewordCount }
        #expect(counts == [26, 44, 196, 346, 3706])
        #expect(QRVersion.numbered(1)!.dataCodewordCount(.medium) == 16)
        #expect(QRVersion.numbered(7)!.dataCodewordCount(.quartile) == 88)
        #expect(QRVersion.numbered(40)!.dataCodewordCount(.low) == 2956)
        #expect(QRVersion.numbered(0) == nil && QRVersion.numbered(41) == nil)
        #expect(QRCode.smallestVersion(for: 14, errorCorrection: .medium, in: 1...40)?.number == 1)
        #expect(QRCode.smallestVersion(for: 15, errorCorrection: .medium, in: 1...40)?.number == 2)
        #expect(QRCode.smallestVersion(for: 2953, errorCorrection: .low, in: 1...40)?.number == 40)
        #expect(QRCode.smallestVersion(for: 2954, errorCorrection: .low, in: 1...40) == nil)
        #expect(throws: QREncodingError.self) {
            try QRCode.encode([UInt8](repeating: 0x41, count: 214), errorCorrection: .medium, versions: 1...10)
        }
    }

    @Test func bitsArePackedMostSignificantFirst() {
        var buffer = QRBitBuffer()
        buffer.append(0b0100, width: 4)
        buffer.append(0b1011, width: 4)
        buffer.append(bit: true)
        #expect(buffer.bytes == [0x4B, 0x80])
        #expect(buffer.count == 9)
    }

    @Test func dataCodewordsEndWithTerminatorAndPadBytes() {
        let data = QRCodewords.data(for: Array("ab".utf8), version: QRVersion.numbered(1)!, level: .medium)
        // 0100 00000010 01100001 01100010 0000, then pad bytes.
        #expect(Array(data.prefix(4)) == [0x40, 0x26, 0x16, 0x20])
        #expect(Array(data.dropFirst(4)) == [0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11])
    }

    /// Version 5-Q has two blocks of 15 data codewords and two of 16: the longer ones come last and
    /// their last codewords close the interleaved data.
    @Test func blocksOfUnequalLengthInterleave() {
        let version = QRVersion.numbered(5)!
        let data = (0..<62).map(UInt8.init)
        let interleaved = QRCodewords.interleaved(data: data, version: version, level: .quartile)
        #expect(interleaved.count == 134)
        #expect(Array(interleaved.prefix(4)) == [0, 15, 30, 46])
        #expect(Array(interleaved[60..<62]) == [45, 61])
        let firstBlockCorrection = ReedSolomonEncoder(degree: 18).remainder(of: Array(data[0..<15]))
        #expect(interleaved[62] == firstBlockCorrection[0] && interleaved[66] == firstBlockCorrection[1])
    }

    @Test func runsAndFinderLikePatternsInALine() {
        let light = false
        let dark = true
        #expect(QRPenalty.lineScore([Bool](repeating: dark, count: 5)) == 3)
        #expect(QRPenalty.lineScore([Bool](repeating: light, count: 7)) == 5)
        // 1011101 at the edge with four light modules after it: a finder look-alike.
        #expect(QRPenalty.lineScore([dark, light, dark, dark, dark, light, dark, light, light, light, light]) == 40)
        // The same pattern doubled (2:2:6:2:2) between two runs of eight light modules.
        let scaled =
            [Bool](repeating: light, count: 8) + [dark, dark, light, light] + [Bool](repeating: dark, count: 6)
            + [light, light, dark, dark] + [Bool](repeating: light, count: 8)
        #expect(QRPenalty.lineScore(scaled) == 6 + 4 + 6 + 40)
        // Light runs of three on both sides are too short.
        let hemmed = [dark, light, light, light, dark, light, dark, dark, dark, light, dark, light, light, light, dark]
        #expect(QRPenalty.lineScore(hemmed) == 0)
        // Runs whose lengths are off the 1:1:3:1:1 ratio.
        #expect(QRPenalty.lineScore([dark, light, dark, dark, light, dark, light, light, light, light, light]) == 3)
    }

    @Test func blocksAndBalance() {
        var matrix = QRMatrix(size: 3)
        #expect(QRPenalty.blocks(matrix) == 12)
        #expect(QRPenalty.darkBalance(matrix) == 100)
        matrix.setData(row: 1, column: 1, dark: true)
        #expect(QRPenalty.blocks(matrix) == 0)
        var half = QRMatrix(size: 2)
        half.setData(row: 0, column: 0, dark: true)
        half.setData(row: 0, column: 1, dark: true)
        #expect(QRPenalty.darkBalance(half) == 0)
        half.setData(row: 1, column: 0, dark: true)
        #expect(QRPenalty.darkBalance(half) == 50)
    }

    @Test(arguments: [QRErrorCorrection.low, .medium, .quartile, .high])
    func theChosenMaskHasTheLowestPenalty(_ level: QRErrorCorrection) throws {
        let payload = Array("https://mp.weixin.qq.com/a/wxdevo2o?page=pages%2Findex&scene=\(level)".utf8)
        let chosen = try QRCode.encode(payload, errorCorrection: level)
        let penalties = try QRMask.patterns.map { mask in
            QRPenalty.score(Self.matrix(try QRCode.encode(payload, errorCorrection: level, mask: mask)))
        }
        #expect(chosen.mask == penalties.firstIndex(of: penalties.min()!))
        #expect(try QRCode.encode(payload, errorCorrection: level, mask: chosen.mask) == chosen)
    }

    @Test func aSymbolReadsBack() throws {
        let code = try QRCode.encode(text: "场景 scene=1&page=pages/index", errorCorrection: .high)
        let modules = (0..<code.size).map { row in (0..<code.size).map { code[row, $0] } }
        let decoded = try QRTestDecoder(modules: modules)
        #expect(decoded.text == "场景 scene=1&page=pages/index")
        #expect(decoded.levelBits == QRErrorCorrection.high.formatBits && decoded.mask == code.mask)
    }

    static func matrix(_ code: QRCode) -> QRMatrix {
        var matrix = QRMatrix(size: code.size)
        for row in 0..<code.size {
            for column in 0..<code.size { matrix.setData(row: row, column: column, dark: code[row, column]) }
        }
        return matrix
    }
}
