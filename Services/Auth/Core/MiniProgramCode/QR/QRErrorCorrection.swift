/// How much of a QR code may be damaged and still read back (ISO/IEC 18004 section 5.3.8): about 7 %
/// (L), 15 % (M), 25 % (Q) or 30 % (H) of the codewords.
enum QRErrorCorrection: Int, CaseIterable, Sendable, CustomStringConvertible {
    case low
    case medium
    case quartile
    case high

    /// The two bits that name the level in the format information (L 01, M 00, Q 11, H 10).
    var formatBits: Int {
        switch self {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }

    /// The level's letter: L, M, Q or H.
    var description: String {
        switch self {
        case .low: "L"
        case .medium: "M"
        case .quartile: "Q"
        case .high: "H"
        }
    }
}
