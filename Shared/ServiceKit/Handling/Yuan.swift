import JSON

/// Amounts in fen (integer cents) written and read as yuan for the dialects, exactly: never through
/// `Double`.
public enum Yuan {
    /// `12345` → `123.45`, `-5` → `-0.05`, `0` → `0.00`.
    public static func text(fen: Int64) -> String {
        let magnitude = fen.magnitude
        let whole = magnitude / 100
        let cents = magnitude % 100
        return (fen < 0 ? "-" : "") + "\(whole)." + (cents < 10 ? "0\(cents)" : "\(cents)")
    }

    /// Like `text`, without trailing fraction zeros: `250` → `2.5`, `300` → `3`.
    public static func shortText(fen: Int64) -> String {
        var text = Self.text(fen: fen)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The amount as an exact JSON number of yuan with two decimals (`80.00`).
    public static func number(fen: Int64) -> JSONValue {
        .number(JSONNumber(text: text(fen: fen)) ?? JSONNumber(0))
    }

    /// The amount as an exact JSON number of yuan without trailing zeros (`2.5`).
    public static func shortNumber(fen: Int64) -> JSONValue {
        .number(JSONNumber(text: shortText(fen: fen)) ?? JSONNumber(0))
    }

    /// The fen of a non-negative yuan amount written `12`, `12.5` or `12.34` (at most two decimals,
    /// at most 15 whole digits); nil for anything else.
    public static func fen(_ text: String) -> Int64? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard (1...15).contains(whole.utf8.count), whole.utf8.allSatisfy(Parameters.isDigit),
            parts.count == 1 || (1...2).contains(fraction.utf8.count), fraction.utf8.allSatisfy(Parameters.isDigit),
            let yuan = Int64(whole)
        else { return nil }
        let cents = fraction.isEmpty ? 0 : (Int64(fraction) ?? 0) * (fraction.utf8.count == 1 ? 10 : 1)
        return yuan * 100 + cents
    }
}
