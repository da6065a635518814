import Foundation

/// A small painting surface for captcha images: RGB samples kept as `Float` 0...255 so that
/// anti-aliased strokes and resampling blend without rounding until the image is taken out.
struct CaptchaCanvas {
    let width: Int
    let height: Int
    /// Red, green, blue of each pixel, row by row.
    private var samples: [Float]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        samples = [Float](repeating: 255, count: width * height * 3)
    }

    /// Paints a linear gradient from `start` to `end` along the direction `angle` (radians).
    mutating func fillGradient(from start: RGBColour, to end: RGBColour, angle: Float) {
        let directionX = cos(angle)
        let directionY = sin(angle)
        let corners = [(0, 0), (width, 0), (0, height), (width, height)].map { corner in
            Float(corner.0) * directionX + Float(corner.1) * directionY
        }
        let low = corners.min()!
        let span = max(corners.max()! - low, 1)
        for y in 0..<height {
            for x in 0..<width {
                let position = (Float(x) * directionX + Float(y) * directionY - low) / span
                let index = (y * width + x) * 3
                samples[index] = Self.mix(start.red, end.red, position)
                samples[index + 1] = Self.mix(start.green, end.green, position)
                samples[index + 2] = Self.mix(start.blue, end.blue, position)
            }
        }
    }

    /// Lays `colour` over the pixel at `x`, `y` with opacity `alpha` (0...1); points outside are ignored.
    mutating func blend(x: Int, y: Int, colour: RGBColour, alpha: Float) {
        guard x >= 0, x < width, y >= 0, y < height, alpha > 0 else { return }
        let index = (y * width + x) * 3
        let keep = 1 - min(alpha, 1)
        let opacity = min(alpha, 1)
        samples[index] = samples[index] * keep + Float(colour.red) * opacity
        samples[index + 1] = samples[index + 1] * keep + Float(colour.green) * opacity
        samples[index + 2] = samples[index + 2] * keep + Float(colour.blue) * opacity
    }

    /// Draws an anti-aliased line through `points` (pixel units) `thickness` pixels wide, each
    /// pixel painted once with the strongest coverage any segment gives it.
    mutating func stroke(_ points: [(x: Float, y: Float)], thickness: Float, colour: RGBColour, opacity: Float) {
        guard points.count > 1 else { return }
        var coverage = [Float](repeating: 0, count: width * height)
        let radius = thickness / 2
        for (start, end) in zip(points, points.dropFirst()) {
            let left = max(Int((min(start.x, end.x) - radius - 1).rounded(.down)), 0)
            let right = min(Int((max(start.x, end.x) + radius + 1).rounded(.up)), width - 1)
            let top = max(Int((min(start.y, end.y) - radius - 1).rounded(.down)), 0)
            let bottom = min(Int((max(start.y, end.y) + radius + 1).rounded(.up)), height - 1)
            guard left <= right, top <= bottom else { continue }
            for y in top...bottom {
                for x in left...right {
                    let distance = Self.distance(from: (Float(x) + 0.5, Float(y) + 0.5), toSegment: start, end)
                    let value = min(max(radius + 0.5 - distance, 0), 1)
                    coverage[y * width + x] = max(coverage[y * width + x], value)
                }
            }
        }
        for y in 0..<height {
            for x in 0..<width where coverage[y * width + x] > 0 {
                blend(x: x, y: y, colour: colour, alpha: coverage[y * width + x] * opacity)
            }
        }
    }

    /// The canvas bent by two sine waves: each pixel takes the colour found `amplitudeX·sin(…y…)`
    /// to the side and `amplitudeY·sin(…x…)` above or below, interpolated bilinearly.
    func waved(_ wave: CaptchaWave) -> CaptchaCanvas {
        var result = CaptchaCanvas(width: width, height: height)
        let twoPi = 2 * Float.pi
        let columnShifts = (0..<width).map { x in
            wave.amplitudeY * sin(twoPi * Float(x) / wave.wavelengthY + wave.phaseY)
        }
        for y in 0..<height {
            let shiftX = wave.amplitudeX * sin(twoPi * Float(y) / wave.wavelengthX + wave.phaseX)
            for x in 0..<width {
                let sample = bilinearSample(x: Float(x) + shiftX, y: Float(y) + columnShifts[x])
                let index = (y * width + x) * 3
                result.samples[index] = sample.0
                result.samples[index + 1] = sample.1
                result.samples[index + 2] = sample.2
            }
        }
        return result
    }

    /// The canvas rounded to 8-bit samples.
    func image() -> RGBImage {
        RGBImage(width: width, height: height, pixels: samples.map { UInt8(min(max($0, 0), 255) + 0.5) })
    }

    private func bilinearSample(x: Float, y: Float) -> (Float, Float, Float) {
        let clampedX = min(max(x, 0), Float(width - 1))
        let clampedY = min(max(y, 0), Float(height - 1))
        let left = Int(clampedX)
        let top = Int(clampedY)
        let right = min(left + 1, width - 1)
        let bottom = min(top + 1, height - 1)
        let fractionX = clampedX - Float(left)
        let fractionY = clampedY - Float(top)
        func channel(_ offset: Int) -> Float {
            let upper =
                samples[(top * width + left) * 3 + offset] * (1 - fractionX)
                + samples[(top * width + right) * 3 + offset] * fractionX
            let lower =
                samples[(bottom * width + left) * 3 + offset] * (1 - fractionX)
                + samples[(bottom * width + right) * 3 + offset] * fractionX
            return upper * (1 - fractionY) + lower * fractionY
        }
        return (channel(0), channel(1), channel(2))
    }

    private static func mix(_ start: UInt8, _ end: UInt8, _ position: Float) -> Float {
        Float(start) + (Float(end) - Float(start)) * position
    }

    private static func distance(
        from point: (Float, Float), toSegment start: (x: Float, y: Float), _ end: (x: Float, y: Float)
    ) -> Float {
        let segmentX = end.x - start.x
        let segmentY = end.y - start.y
        let lengthSquared = segmentX * segmentX + segmentY * segmentY
        var along: Float = 0
        if lengthSquared > 0 {
            along = min(max(((point.0 - start.x) * segmentX + (point.1 - start.y) * segmentY) / lengthSquared, 0), 1)
        }
        let dx = point.0 - (start.x + along * segmentX)
        let dy = point.1 - (start.y + along * segmentY)
        return (dx * dx + dy * dy).squareRoot()
    }
}

/// The two sine waves `CaptchaCanvas.waved` bends an image with (amplitudes and wavelengths in pixels).
struct CaptchaWave {
    var amplitudeX: Float
    var wavelengthX: Float
    var phaseX: Float
    var amplitudeY: Float
    var wavelengthY: Float
    var phaseY: Float
}
