/// The error correction codewords of one QR block (ISO/IEC 18004 section 7.5.2): the remainder of the
/// data, read as a polynomial over GF(2⁸) and multiplied by xⁿ, divided by the generator polynomial
/// (x − α⁰)(x − α¹)…(x − αⁿ⁻¹).
struct ReedSolomonEncoder: Sendable {
    /// The generator's coefficients below its leading 1, highest degree first.
    let generator: [UInt8]

    /// The encoder that makes `degree` error correction codewords per block.
    init(degree: Int) {
        precondition((1...68).contains(degree), "no QR block has \(degree) error correction codewords")
        var polynomial: [UInt8] = [1]
        for exponent in 0..<degree {
            // Multiply by (x + αⁱ); in GF(2⁸) subtraction is addition.
            let root = GaloisField256.powers[exponent]
            var product = [UInt8](repeating: 0, count: polynomial.count + 1)
            for (index, coefficient) in polynomial.enumerated() {
                product[index] ^= coefficient
                product[index + 1] ^= GaloisField256.multiply(coefficient, root)
            }
            polynomial = product
        }
        generator = Array(polynomial.dropFirst())
    }

    /// The error correction codewords for `data`.
    func remainder(of data: [UInt8]) -> [UInt8] {
        var remainder = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for index in generator.indices {
                remainder[index] ^= GaloisField256.multiply(generator[index], factor)
            }
        }
        return remainder
    }
}
