/// A picture held as 8-bit red, green and blue samples, row by row from the top-left corner.
///
/// Sizes are limited to 1...65 535 on each side, the largest a JPEG frame header can describe.
struct RGBImage: Sendable, Equatable {
    /// The largest width or height an image may have.
    static let maximumSide = 65_535

    let width: Int
    let height: Int
    /// `width * height * 3` samples: red, green, blue of the top-left pixel first.
    private(set) var pixels: [UInt8]

    /// An image from existing samples; `pixels` must hold exactly three samples per pixel.
    init(width: Int, height: Int, pixels: [UInt8]) {
        precondition((1...Self.maximumSide).contains(width), "image width \(width) outside 1...\(Self.maximumSide)")
        precondition((1...Self.maximumSide).contains(height), "image height \(height) outside 1...\(Self.maximumSide)")
        precondition(
            pixels.count == width * height * 3,
            "\(width)x\(height) image needs \(width * height * 3) samples, got \(pixels.count)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// An image of one colour.
    init(width: Int, height: Int, filledWith colour: RGBColour) {
        var samples = [UInt8](repeating: 0, count: width * height * 3)
        for index in stride(from: 0, to: samples.count, by: 3) {
            samples[index] = colour.red
            samples[index + 1] = colour.green
            samples[index + 2] = colour.blue
        }
        self.init(width: width, height: height, pixels: samples)
    }

    /// The colour at column `x`, row `y` (both must be inside the image).
    subscript(x: Int, y: Int) -> RGBColour {
        get {
            let index = (y * width + x) * 3
            return RGBColour(red: pixels[index], green: pixels[index + 1], blue: pixels[index + 2])
        }
        set {
            let index = (y * width + x) * 3
            pixels[index] = newValue.red
            pixels[index + 1] = newValue.green
            pixels[index + 2] = newValue.blue
        }
    }
}

/// One 8-bit-per-channel colour.
struct RGBColour: Sendable, Equatable, Hashable {
    var red: UInt8
    var green: UInt8
    var blue: UInt8
}
