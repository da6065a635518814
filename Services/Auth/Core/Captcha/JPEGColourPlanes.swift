/// The three JFIF components of an image (Y, Cb, Cr), level-shifted by −128 and padded to whole
/// MCUs by repeating the last column and row, with the chroma planes halved in both directions
/// when the encoder subsamples them.
struct JPEGColourPlanes {
    /// Width of the luma plane (a multiple of the MCU width).
    let lumaWidth: Int
    /// Height of the luma plane (a multiple of the MCU height).
    let lumaHeight: Int
    /// Width of each chroma plane.
    let chromaWidth: Int
    let luma: [Float]
    let blueDifference: [Float]
    let redDifference: [Float]

    init(_ image: RGBImage, mcuSide: Int, halvesChroma: Bool) {
        let paddedWidth = (image.width + mcuSide - 1) / mcuSide * mcuSide
        let paddedHeight = (image.height + mcuSide - 1) / mcuSide * mcuSide
        var luma = [Float](repeating: 0, count: paddedWidth * paddedHeight)
        var blue = [Float](repeating: 0, count: paddedWidth * paddedHeight)
        var red = [Float](repeating: 0, count: paddedWidth * paddedHeight)
        image.pixels.withUnsafeBufferPointer { samples in
            for y in 0..<paddedHeight {
                let sourceRow = min(y, image.height - 1) * image.width
                for x in 0..<paddedWidth {
                    let source = (sourceRow + min(x, image.width - 1)) * 3
                    let r = Float(samples[source])
                    let g = Float(samples[source + 1])
                    let b = Float(samples[source + 2])
                    let target = y * paddedWidth + x
                    // JFIF (ITU-T T.871) conversion; the +128 of Cb and Cr cancels the level shift.
                    luma[target] = 0.299 * r + 0.587 * g + 0.114 * b - 128
                    blue[target] = -0.168_735_9 * r - 0.331_264_1 * g + 0.5 * b
                    red[target] = 0.5 * r - 0.418_687_6 * g - 0.081_312_4 * b
                }
            }
        }
        lumaWidth = paddedWidth
        lumaHeight = paddedHeight
        self.luma = luma
        if halvesChroma {
            chromaWidth = paddedWidth / 2
            blueDifference = Self.halved(blue, width: paddedWidth, height: paddedHeight)
            redDifference = Self.halved(red, width: paddedWidth, height: paddedHeight)
        } else {
            chromaWidth = paddedWidth
            blueDifference = blue
            redDifference = red
        }
    }

    /// Averages each 2×2 square of a plane with even sides into one sample.
    private static func halved(_ plane: [Float], width: Int, height: Int) -> [Float] {
        let halfWidth = width / 2
        var result = [Float](repeating: 0, count: halfWidth * (height / 2))
        for y in 0..<(height / 2) {
            let top = 2 * y * width
            let bottom = top + width
            for x in 0..<halfWidth {
                let upper = plane[top + 2 * x] + plane[top + 2 * x + 1]
                let lower = plane[bottom + 2 * x] + plane[bottom + 2 * x + 1]
                result[y * halfWidth + x] = (upper + lower) * 0.25
            }
        }
        return result
    }
}
