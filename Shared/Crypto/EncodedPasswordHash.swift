/// The parts of a stored password hash in the form `pbkdf2-sha256$<iterations>$<salt>$<key>`, where
/// salt and key are padded standard base64.
struct EncodedPasswordHash: Equatable, Sendable {
    static let algorithm = "pbkdf2-sha256"
    /// Iteration counts accepted when reading a stored hash; the upper end bounds the work a bad record can cause.
    static let iterationRange = 1...10_000_000
    static let saltLengthRange = 8...64
    static let keyLengthRange = 16...64
    static let maximumEncodedLength = 512

    let iterations: Int
    let salt: [UInt8]
    let key: [UInt8]

    init(iterations: Int, salt: [UInt8], key: [UInt8]) {
        self.iterations = iterations
        self.salt = salt
        self.key = key
    }

    /// Reads `encoded`, or returns `nil` when it is not a well-formed hash within the accepted ranges.
    init?(parsing encoded: String) {
        guard encoded.utf8.count <= Self.maximumEncodedLength else { return nil }
        let fields = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 4, fields[0] == Self.algorithm,
            let iterations = Self.parseIterations(fields[1]), Self.iterationRange.contains(iterations),
            let salt = Base64.decode(String(fields[2])), Self.saltLengthRange.contains(salt.count),
            let key = Base64.decode(String(fields[3])), Self.keyLengthRange.contains(key.count)
        else {
            return nil
        }
        self.init(iterations: iterations, salt: salt, key: key)
    }

    /// The textual form stored in the database.
    var encoded: String {
        "\(Self.algorithm)$\(iterations)$\(Base64.encode(salt))$\(Base64.encode(key))"
    }

    /// Decimal digits only, no sign and no leading zero, so every count has exactly one spelling.
    private static func parseIterations(_ field: Substring) -> Int? {
        let digits = field.utf8
        guard let first = digits.first, first != UInt8(ascii: "0"), digits.count <= 9,
            digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else {
            return nil
        }
        return Int(field)
    }
}
