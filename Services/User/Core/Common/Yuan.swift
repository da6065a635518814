import JSON

/// Amounts in fen (integer cents) written as yuan for the dialects, exactly: never through `Double`.
enum Yuan {
    /// `12345` → `123.45`, `-5` → `-0.05`, `0` → `0.00`.
    static func text(fen: Int64) -> String {
        let magnitude = fen.magnitude
        let whole = magnitude / 100
        let cents = magnitude % 100
        return (fen < 0 ? "-" : "") + "\(whole)." + (cents < 10 ? "0\(cents)" : "\(cents)")
    }

    /// Like `text`, without trailing fraction zeros: `250` → `2.5`, `300` → `3`.
    static func shortText(fen: Int64) -> String {
        var text = Self.text(fen: fen)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The amount as an exact JSON number of yuan with two decimals (`80.00`).
    static func number(fen: Int64) -> JSONValue {
        .number(JSONNumber(text: text(fen: fen)) ?? JSONNumber(0))
    }

    /// The amount as an exact JSON number of yuan without trailing zeros (`2.5`).
    static func shortNumber(fen: Int64) -> JSONValue {
        .number(JSONNumber(text: shortText(fen: fen)) ?? JSONNumber(0))
    }
}
