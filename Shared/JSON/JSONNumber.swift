/// A JSON number kept as its exact text, so money amounts and long integers never pass through
/// `Double` and are written back digit for digit.
///
/// The text always matches the JSON number grammar. Two numbers are equal when their texts are equal:
/// `1`, `1.0` and `1e0` are three different numbers here, because the text is what a reply carries.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The largest exponent accepted, in either direction; beyond it a number is refused.
    public static let maxExponentMagnitude = 1000

    /// The number as received or constructed, for example `12.50` or `1E-7`.
    public let text: String

    /// Wraps text the parser has already checked against the grammar.
    init(validatedText: String) {
        text = validatedText
    }

    /// The number written as `text`, or nil when `text` is not exactly one JSON number (no spaces,
    /// no `+`, no leading zeros, exponent within ±`maxExponentMagnitude`).
    public init?(text: String) {
        guard JSONNumberGrammar.parts(ofWhole: text) != nil else { return nil }
        self.text = text
    }

    public init(_ value: Int) {
        text = String(value)
    }

    public init(_ value: Int64) {
        text = String(value)
    }

    /// The shortest text that reads back as `value`; nil for infinities and NaN. Meant for
    /// measurements such as coordinates, never for money.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        self.init(text: value.description)
    }

    public init(integerLiteral value: Int) {
        self.init(value)
    }

    public var description: String { text }
}
