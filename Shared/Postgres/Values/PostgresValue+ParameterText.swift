/// The text-format form of a value sent as a statement parameter.
extension PostgresValue {
    /// The parameter text (nil for NULL); throws when the value cannot be represented.
    func parameterText(index: Int) throws -> String? {
        switch self {
        case .null:
            return nil
        case let .text(text), let .json(text), let .jsonb(text):
            guard !text.containsNUL else {
                let reason = "PostgreSQL text cannot contain NUL characters"
                throw PostgresError(.invalidParameter(index: index, reason: reason))
            }
            return text
        case let .int(value):
            return String(value)
        case let .bool(value):
            return value ? "t" : "f"
        case let .double(value):
            return Self.floatText(value)
        case let .numeric(value):
            return value.text
        case let .timestamp(date):
            guard let text = TimestampText.format(date) else {
                let reason = "the date is outside PostgreSQL's timestamp range"
                throw PostgresError(.invalidParameter(index: index, reason: reason))
            }
            return text
        case let .bytea(bytes):
            return ByteaHex.encode(bytes)
        }
    }

    /// Shortest text that reads back as the same Double, in a spelling `float8in` accepts.
    private static func floatText(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return "\(value)"
    }
}
