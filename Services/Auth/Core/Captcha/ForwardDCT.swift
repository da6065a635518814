import Foundation

/// The two-dimensional 8×8 forward discrete cosine transform of T.81 (A.3.3), computed as two
/// passes of an 8-point transform against a precomputed cosine basis.
enum ForwardDCT {
    /// `basis[u * 8 + x]` = ½·C(u)·cos((2x + 1)uπ / 16), with C(0) = 1/√2 and C(u) = 1 otherwise,
    /// so that applying it along rows and then columns gives exactly the T.81 scaling.
    static let basis: [Float] = (0..<64).map { index in
        let frequency = index / 8
        let position = index % 8
        let scale = frequency == 0 ? 0.5 / 2.0.squareRoot() : 0.5
        return Float(scale * cos(Double(2 * position + 1) * Double(frequency) * Double.pi / 16))
    }

    /// Replaces 64 level-shifted samples (row by row) with their 64 coefficients in natural order
    /// (vertical frequency × 8 + horizontal frequency); `scratch` holds 64 values of work space.
    @inline(__always)
    static func transform(
        _ block: UnsafeMutableBufferPointer<Float>, scratch: UnsafeMutableBufferPointer<Float>,
        basis: UnsafeBufferPointer<Float>
    ) {
        for row in 0..<8 {
            for frequency in 0..<8 {
                var sum: Float = 0
                for position in 0..<8 {
                    sum += basis[frequency * 8 + position] * block[row * 8 + position]
                }
                scratch[row * 8 + frequency] = sum
            }
        }
        for frequency in 0..<8 {
            for column in 0..<8 {
                var sum: Float = 0
                for position in 0..<8 {
                    sum += basis[frequency * 8 + position] * scratch[position * 8 + column]
                }
                block[frequency * 8 + column] = sum
            }
        }
    }
}
