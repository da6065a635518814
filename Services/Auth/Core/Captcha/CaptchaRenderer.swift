import Foundation

/// Draws a captcha answer as a 120×40 picture meant to be read by people and not by programs:
/// each character with its own size, rotation, shear and dark colour on a light gradient, the
/// whole bent by two sine waves, crossed by noise lines and sprinkled with dots.
///
/// Every random choice comes from the generator passed in, so a seeded generator gives the same
/// picture every time; in service use `SystemRandomNumberGenerator`. Answers come from
/// `CaptchaAlphabet.randomAnswer` and are checked case-insensitively with `CaptchaAlphabet.matches`.
enum CaptchaRenderer {
    static let width = 120
    static let height = 40
    /// The quality `renderJPEG` encodes with: fine enough to keep thin strokes crisp.
    static let jpegQuality = 85
    /// The media type of `renderJPEG`'s output.
    static let contentType = "image/jpeg"

    /// The picture of `answer`, whose characters must all be in `CaptchaAlphabet` (either case)
    /// and whose length must be one of `CaptchaAlphabet.allowedLengths`.
    static func render(answer: String, using generator: inout some RandomNumberGenerator) -> RGBImage {
        let glyphs = answer.map { character in
            guard let glyph = CaptchaFont.glyph(for: character) else {
                preconditionFailure("captcha answers use only CaptchaAlphabet characters")
            }
            return glyph
        }
        precondition(
            CaptchaAlphabet.allowedLengths.contains(glyphs.count),
            "captcha answers have \(CaptchaAlphabet.allowedLengths) characters, not \(glyphs.count)")

        var canvas = CaptchaCanvas(width: width, height: height)
        canvas.fillGradient(
            from: lightColour(using: &generator), to: lightColour(using: &generator),
            angle: Float.random(in: 0..<(2 * Float.pi), using: &generator))
        sprinkleDots(on: &canvas, count: 40, colours: 120...230, using: &generator)
        canvas.stroke(
            noiseCurve(using: &generator), thickness: Float.random(in: 1...2, using: &generator),
            colour: midColour(using: &generator), opacity: 0.6)

        let margin: Float = 6
        let slot = (Float(width) - 2 * margin) / Float(glyphs.count)
        for (index, glyph) in glyphs.enumerated() {
            let centre = (
                x: margin + slot * (Float(index) + 0.5) + Float.random(in: -2...2, using: &generator),
                y: Float(height) / 2 + Float.random(in: -2.5...2.5, using: &generator)
            )
            draw(
                glyph, at: centre, placement: randomPlacement(using: &generator), on: &canvas,
                colour: darkColour(using: &generator))
        }

        canvas = canvas.waved(
            CaptchaWave(
                amplitudeX: Float.random(in: 1.2...2.5, using: &generator),
                wavelengthX: Float.random(in: 25...45, using: &generator),
                phaseX: Float.random(in: 0..<(2 * Float.pi), using: &generator),
                amplitudeY: Float.random(in: 1.5...3, using: &generator),
                wavelengthY: Float.random(in: 50...100, using: &generator),
                phaseY: Float.random(in: 0..<(2 * Float.pi), using: &generator)))

        // Lines over the characters are thinner and lighter than their strokes, so people can
        // tell them apart while they still cut every character for a program.
        for _ in 0..<2 {
            canvas.stroke(
                noiseCurve(using: &generator), thickness: Float.random(in: 0.9...1.3, using: &generator),
                colour: randomColour(in: 60...160, using: &generator), opacity: 0.8)
        }
        sprinkleDots(on: &canvas, count: 60, colours: 0...255, using: &generator)
        return canvas.image()
    }

    /// `render(answer:using:)` encoded as a baseline JPEG file, ready to send as `contentType`.
    static func renderJPEG(answer: String, using generator: inout some RandomNumberGenerator) -> [UInt8] {
        JPEGEncoder.encode(render(answer: answer, using: &generator), quality: jpegQuality, chroma: .full)
    }

    /// How one character is bent: scale in pixels per glyph cell, rotation and shear.
    private struct Placement {
        var scaleX: Float
        var scaleY: Float
        var rotation: Float
        var shear: Float
    }

    private static func randomPlacement(using generator: inout some RandomNumberGenerator) -> Placement {
        let glyphPixelsHigh = Float.random(in: 20...25, using: &generator)
        let scaleY = glyphPixelsHigh / Float(CaptchaFont.glyphHeight)
        return Placement(
            scaleX: scaleY * Float.random(in: 0.8...1.1, using: &generator),
            scaleY: scaleY,
            rotation: Float.random(in: -0.35...0.35, using: &generator),
            shear: Float.random(in: -0.3...0.3, using: &generator))
    }

    /// Paints `glyph` centred on `centre`: for every pixel near the bent glyph, the inverse of
    /// (rotate · shear · scale) finds the point of the glyph grid it shows.
    private static func draw(
        _ glyph: CaptchaGlyph, at centre: (x: Float, y: Float), placement: Placement,
        on canvas: inout CaptchaCanvas, colour: RGBColour
    ) {
        let cosine = cos(placement.rotation)
        let sine = sin(placement.rotation)
        // Forward matrix [a b; c d] = rotation × shear × scale.
        let a = cosine * placement.scaleX
        let b = (cosine * placement.shear - sine) * placement.scaleY
        let c = sine * placement.scaleX
        let d = (sine * placement.shear + cosine) * placement.scaleY
        let determinant = a * d - b * c
        let halfWidth = Float(glyph.width) / 2
        let halfHeight = Float(glyph.height) / 2

        let reachX = abs(a) * halfWidth + abs(b) * halfHeight + 1
        let reachY = abs(c) * halfWidth + abs(d) * halfHeight + 1
        let left = max(Int((centre.x - reachX).rounded(.down)), 0)
        let right = min(Int((centre.x + reachX).rounded(.up)), canvas.width - 1)
        let top = max(Int((centre.y - reachY).rounded(.down)), 0)
        let bottom = min(Int((centre.y + reachY).rounded(.up)), canvas.height - 1)
        guard left <= right, top <= bottom else { return }

        for y in top...bottom {
            for x in left...right {
                let offsetX = Float(x) + 0.5 - centre.x
                let offsetY = Float(y) + 0.5 - centre.y
                let glyphX = (d * offsetX - b * offsetY) / determinant + halfWidth
                let glyphY = (a * offsetY - c * offsetX) / determinant + halfHeight
                let alpha = glyph.coverage(x: glyphX, y: glyphY)
                if alpha > 0 {
                    canvas.blend(x: x, y: y, colour: colour, alpha: alpha)
                }
            }
        }
    }

    /// A wavy line from one side of the image to the other, as points two pixels apart.
    private static func noiseCurve(using generator: inout some RandomNumberGenerator) -> [(x: Float, y: Float)] {
        let baseline = Float.random(in: 8...32, using: &generator)
        let slope = Float.random(in: -0.15...0.15, using: &generator)
        let amplitude = Float.random(in: 3...9, using: &generator)
        let wavelength = Float.random(in: 50...140, using: &generator)
        let phase = Float.random(in: 0..<(2 * Float.pi), using: &generator)
        return stride(from: Float(-2), through: Float(width + 2), by: 2).map { x in
            let wave = amplitude * sin(2 * Float.pi * x / wavelength + phase)
            return (x: x, y: baseline + slope * (x - Float(width) / 2) + wave)
        }
    }

    private static func sprinkleDots(
        on canvas: inout CaptchaCanvas, count: Int, colours: ClosedRange<UInt8>,
        using generator: inout some RandomNumberGenerator
    ) {
        for _ in 0..<count {
            let colour = RGBColour(
                red: UInt8.random(in: colours, using: &generator),
                green: UInt8.random(in: colours, using: &generator),
                blue: UInt8.random(in: colours, using: &generator))
            canvas.blend(
                x: Int.random(in: 0..<canvas.width, using: &generator),
                y: Int.random(in: 0..<canvas.height, using: &generator),
                colour: colour, alpha: Float.random(in: 0.5...1, using: &generator))
        }
    }

    private static func lightColour(using generator: inout some RandomNumberGenerator) -> RGBColour {
        randomColour(in: 205...255, using: &generator)
    }

    private static func midColour(using generator: inout some RandomNumberGenerator) -> RGBColour {
        randomColour(in: 100...190, using: &generator)
    }

    /// A dark colour: each channel low, with one channel allowed brighter so the hue varies.
    private static func darkColour(using generator: inout some RandomNumberGenerator) -> RGBColour {
        var channels = [
            UInt8.random(in: 0...90, using: &generator), UInt8.random(in: 0...90, using: &generator),
            UInt8.random(in: 0...90, using: &generator),
        ]
        channels[Int.random(in: 0..<3, using: &generator)] = UInt8.random(in: 40...150, using: &generator)
        return RGBColour(red: channels[0], green: channels[1], blue: channels[2])
    }

    private static func randomColour(
        in range: ClosedRange<UInt8>, using generator: inout some RandomNumberGenerator
    ) -> RGBColour {
        RGBColour(
            red: UInt8.random(in: range, using: &generator),
            green: UInt8.random(in: range, using: &generator),
            blue: UInt8.random(in: range, using: &generator))
    }
}
