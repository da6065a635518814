/// One of the 40 QR code sizes (ISO/IEC 18004 section 5.3.1): version v is 17 + 4v modules on a side.
/// The block structure of each version and level is table 9 of the standard; the number of codewords
/// a version holds is counted from its function patterns (`QRMatrix.template`).
struct QRVersion: Sendable, Equatable, Hashable, Comparable {
    static let all = (1...40).map(QRVersion.init(number:))

    let number: Int

    private init(number: Int) {
        self.number = number
    }

    /// The version numbered `number`, if there is one.
    static func numbered(_ number: Int) -> QRVersion? {
        all.indices.contains(number - 1) ? all[number - 1] : nil
    }

    static func < (lhs: QRVersion, rhs: QRVersion) -> Bool { lhs.number < rhs.number }

    /// Modules on a side.
    var size: Int { 17 + 4 * number }

    /// Whether the symbol carries version information (versions 7 and up).
    var hasVersionInformation: Bool { number >= 7 }

    /// Row and column centres of the alignment patterns (annex E); empty for version 1.
    var alignmentCentres: [Int] { QRVersionTable.alignmentCentres[number - 1] }

    /// Bits of the character count of a byte-mode segment.
    var byteCountBits: Int { number < 10 ? 8 : 16 }

    /// All codewords the symbol holds, data and error correction.
    var codewordCount: Int { QRVersionTable.codewordCounts[number - 1] }

    /// Error correction codewords in each block at `level`.
    func errorCorrectionPerBlock(_ level: QRErrorCorrection) -> Int {
        QRVersionTable.errorCorrectionPerBlock[level.rawValue][number - 1]
    }

    /// Blocks the codewords are split into at `level`.
    func blockCount(_ level: QRErrorCorrection) -> Int {
        QRVersionTable.blockCounts[level.rawValue][number - 1]
    }

    /// Data codewords the symbol holds at `level`.
    func dataCodewordCount(_ level: QRErrorCorrection) -> Int {
        codewordCount - errorCorrectionPerBlock(level) * blockCount(level)
    }
}
