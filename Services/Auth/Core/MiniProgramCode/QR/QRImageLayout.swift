/// How a QR code is drawn into a square picture of a wanted width: every module a square of
/// `moduleSize` pixels (the largest whole number that leaves a quiet zone of at least four modules),
/// the symbol centred, and the rest white. A picture narrower than the symbol with its quiet zone at one
/// pixel per module grows to that size.
struct QRImageLayout: Sendable, Equatable {
    /// The quiet zone the standard asks for, in modules.
    static let quietZoneModules = 4

    /// Pixels on a side of the picture.
    let side: Int
    /// Pixels on a side of one module.
    let moduleSize: Int
    /// Pixels from the picture's edge to the symbol's.
    let margin: Int

    init(symbolSize: Int, width: Int) {
        let modulesWithQuietZone = symbolSize + 2 * Self.quietZoneModules
        moduleSize = max(1, width / modulesWithQuietZone)
        side = max(width, modulesWithQuietZone * moduleSize)
        margin = (side - symbolSize * moduleSize) / 2
    }

    /// `code` drawn at `width` pixels.
    static func draw(_ code: QRCode, width: Int) -> BilevelImage {
        let layout = QRImageLayout(symbolSize: code.size, width: width)
        var image = BilevelImage(width: layout.side, height: layout.side)
        for row in 0..<code.size {
            let top = layout.margin + row * layout.moduleSize
            for column in 0..<code.size where code[row, column] {
                image.fillBlack(x: layout.margin + column * layout.moduleSize, y: top, count: layout.moduleSize)
            }
            image.copyRow(top, to: (top + 1)..<(top + layout.moduleSize))
        }
        return image
    }
}
