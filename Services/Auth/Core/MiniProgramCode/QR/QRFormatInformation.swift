/// The format information (level and mask, a BCH(15,5) code masked with 101010000010010, section 7.9)
/// and version information (version number, a BCH(18,6) code, section 7.10), and where their bits go.
enum QRFormatInformation {
    /// Format information bits that only reserve the modules.
    static let reservedBits = 0

    /// The 15 format bits for `level` and `mask`.
    static func formatBits(level: QRErrorCorrection, mask: Int) -> Int {
        let data = level.formatBits << 3 | mask
        return (data << 10 | remainder(of: data << 10, generator: 0b101_0011_0111)) ^ 0b101_0100_0001_0010
    }

    /// The 18 version bits of `version` (7 and up).
    static func versionBits(_ version: QRVersion) -> Int {
        version.number << 12 | remainder(of: version.number << 12, generator: 0b1_1111_0010_0101)
    }

    /// The remainder of the polynomial `value` over GF(2) divided by `generator`.
    static func remainder(of value: Int, generator: Int) -> Int {
        let generatorDegree = Int.bitWidth - generator.leadingZeroBitCount - 1
        var remainder = value
        while remainder != 0, Int.bitWidth - remainder.leadingZeroBitCount - 1 >= generatorDegree {
            let shift = (Int.bitWidth - remainder.leadingZeroBitCount - 1) - generatorDegree
            remainder ^= generator << shift
        }
        return remainder
    }
}

extension QRMatrix {
    /// Writes the 15 format bits (bit 0 the least significant) in both places: beside the top-left
    /// finder, and split between the top-right and bottom-left finders; also sets the dark module.
    mutating func writeFormat(_ bits: Int) {
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        for index in 0...5 { setFunction(row: index, column: 8, dark: bit(index)) }
        setFunction(row: 7, column: 8, dark: bit(6))
        setFunction(row: 8, column: 8, dark: bit(7))
        setFunction(row: 8, column: 7, dark: bit(8))
        for index in 9...14 { setFunction(row: 8, column: 14 - index, dark: bit(index)) }
        for index in 0...7 { setFunction(row: 8, column: size - 1 - index, dark: bit(index)) }
        for index in 8...14 { setFunction(row: size - 15 + index, column: 8, dark: bit(index)) }
        setFunction(row: size - 8, column: 8, dark: true)
    }

    /// Writes the 18 version bits in the 6×3 blocks beside the top-right and bottom-left finders.
    mutating func writeVersion(_ bits: Int) {
        for index in 0..<18 {
            let dark = (bits >> index) & 1 == 1
            let near = index / 3
            let far = size - 11 + index % 3
            setFunction(row: near, column: far, dark: dark)
            setFunction(row: far, column: near, dark: dark)
        }
    }
}
