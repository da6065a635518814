/// Arithmetic in GF(2⁸) as QR codes use it: elements are bytes, addition is XOR, and multiplication is
/// modulo the primitive polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D), whose root α = 2 generates the field.
enum GaloisField256 {
    /// αⁱ for i in 0..<510 (twice round the cycle of 255, so a sum of two logarithms needs no modulo).
    static let powers: [UInt8] = {
        var powers = [UInt8](repeating: 0, count: 510)
        var value = 1
        for exponent in 0..<255 {
            powers[exponent] = UInt8(value)
            powers[exponent + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        return powers
    }()

    /// The logarithm to base α of each non-zero byte (entry 0 is unused).
    static let logarithms: [Int] = {
        var logarithms = [Int](repeating: 0, count: 256)
        for exponent in 0..<255 { logarithms[Int(powers[exponent])] = exponent }
        return logarithms
    }()

    /// `a` × `b` in the field.
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        guard a != 0, b != 0 else { return 0 }
        return powers[logarithms[Int(a)] + logarithms[Int(b)]]
    }
}
