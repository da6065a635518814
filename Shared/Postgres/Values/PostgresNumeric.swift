/// An exact decimal number for `numeric` columns, kept as its text (`-?digits(.digits)?`) so no digit is lost.
///
/// Money and other exact amounts should use this type rather than `Double`.
public struct PostgresNumeric: Hashable, Sendable, CustomStringConvertible, LosslessStringConvertible {
    /// The number as text, for example `-12.50`.
    public let text: String

    /// Accepts text of the form `-?digits(.digits)?`; returns nil for anything else (including exponents).
    public init?(_ text: String) {
        guard PostgresNumeric.isValid(text.utf8) else { return nil }
        self.text = text
    }

    /// The exact decimal form of an integer.
    public init(_ value: Int64) {
        text = String(value)
    }

    /// The exact decimal form of an integer.
    public init(_ value: Int) {
        text = String(value)
    }

    public var description: String { text }

    /// The value as an integer when it has no fractional digits other than zeros and fits in 64 bits.
    public var exactInteger: Int64? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2, parts[1].contains(where: { $0 != "0" }) { return nil }
        return Int64(parts[0])
    }

    static func isValid(_ bytes: String.UTF8View) -> Bool {
        var index = bytes.startIndex
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") { index = bytes.index(after: index) }
        let integerDigits = countDigits(bytes, from: &index)
        guard integerDigits > 0 else { return false }
        if index == bytes.endIndex { return true }
        guard bytes[index] == UInt8(ascii: ".") else { return false }
        index = bytes.index(after: index)
        let fractionDigits = countDigits(bytes, from: &index)
        return fractionDigits > 0 && index == bytes.endIndex
    }

    private static func countDigits(_ bytes: String.UTF8View, from index: inout String.UTF8View.Index) -> Int {
        var count = 0
        while index < bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            count += 1
            index = bytes.index(after: index)
        }
        return count
    }
}
