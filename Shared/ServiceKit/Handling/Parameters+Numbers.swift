/// Decimal readings of the one parameter rule set: coordinates and other measures that clients send
/// as plain decimals (`116.397128`, `"-1"`, `5000`), never in exponent form.
extension Parameters {
    /// A plain decimal (an optional sign, digits, an optional fraction) of at most 32 characters, within
    /// `range`; nil when not given.
    public func decimal(_ key: String, in range: ClosedRange<Double>) throws(InputProblem) -> Double? {
        guard let text = try text(key, maxLength: 64) else { return nil }
        guard let value = Self.plainDecimal(text), range.contains(value) else {
            throw InputProblem(
                key, .malformed("须为 \(Self.bound(range.lowerBound)) 到 \(Self.bound(range.upperBound)) 之间的数字"))
        }
        return value
    }

    /// A longitude in degrees (-180 to 180); nil when not given.
    public func longitude(_ key: String) throws(InputProblem) -> Double? { try decimal(key, in: -180...180) }

    /// A latitude in degrees (-90 to 90); nil when not given.
    public func latitude(_ key: String) throws(InputProblem) -> Double? { try decimal(key, in: -90...90) }

    /// The value of `text` when it is written `[+-]digits[.digits]` in at most 32 characters.
    static func plainDecimal(_ text: String) -> Double? {
        var digits = Substring(text)
        if let sign = digits.first, sign == "-" || sign == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard text.utf8.count <= 32, !parts[0].isEmpty, parts[0].utf8.allSatisfy(isDigit),
            parts.count == 1 || (!parts[1].isEmpty && parts[1].utf8.allSatisfy(isDigit)),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    private static func bound(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
