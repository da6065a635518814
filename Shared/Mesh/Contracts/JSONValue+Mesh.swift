import JSON

extension JSONValue {
    /// An id as contracts write it: digits in a string.
    public static func id(_ id: Int64) -> JSONValue { .string(String(id)) }

    /// A whole number.
    public static func integer(_ value: Int64) -> JSONValue { .number(JSONNumber(value)) }

    /// A string, or null for nil.
    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
}
