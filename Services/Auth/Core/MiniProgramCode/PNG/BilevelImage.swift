/// A black-and-white picture, one bit per pixel, rows from the top packed most significant bit first
/// and padded to whole bytes: 1 is white, 0 black (PNG's 1-bit greyscale). Sides are 1 to 65 535 pixels.
struct BilevelImage: Sendable, Equatable {
    static let maximumSide = 65_535

    let width: Int
    let height: Int
    /// Bytes per row.
    let rowBytes: Int
    /// `height × rowBytes` bytes.
    private(set) var bits: [UInt8]

    /// An image of one colour.
    init(width: Int, height: Int, white: Bool = true) {
        precondition((1...Self.maximumSide).contains(width) && (1...Self.maximumSide).contains(height))
        self.width = width
        self.height = height
        rowBytes = (width + 7) / 8
        bits = [UInt8](repeating: white ? 0xFF : 0, count: rowBytes * height)
    }

    /// Whether the pixel at column `x`, row `y` is white.
    subscript(x: Int, y: Int) -> Bool {
        bits[y * rowBytes + x / 8] & (0x80 >> UInt8(x % 8)) != 0
    }

    /// Paints `count` pixels of row `y` black, from column `x` rightwards.
    mutating func fillBlack(x: Int, y: Int, count: Int) {
        precondition(x >= 0 && count >= 0 && x + count <= width && (0..<height).contains(y))
        for column in x..<(x + count) {
            bits[y * rowBytes + column / 8] &= ~(0x80 >> UInt8(column % 8))
        }
    }

    /// Makes rows `rows` copies of row `source`.
    mutating func copyRow(_ source: Int, to rows: Range<Int>) {
        let bytes = Array(row(source))
        for y in rows { bits.replaceSubrange((y * rowBytes)..<((y + 1) * rowBytes), with: bytes) }
    }

    /// Row `y`'s bytes.
    func row(_ y: Int) -> ArraySlice<UInt8> {
        bits[(y * rowBytes)..<((y + 1) * rowBytes)]
    }
}
