extension JSONValue {
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The boolean of a `true`/`false` value; nil for every other kind.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var numberValue: JSONNumber? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The integer of a number that is a whole number in `Int` range; nil otherwise (strings too;
    /// see `scalarText` for parameters that may arrive as either).
    public var intValue: Int? { numberValue?.int }

    public var int64Value: Int64? { numberValue?.int64 }

    /// The text of a string value; nil for every other kind.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The member `key` of an object; nil when absent or when this is not an object.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The element at `index` of an array; nil when out of range or when this is not an array.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// A scalar as text, for parameters that clients send either as `"1"` or as `1`: a string as is,
    /// a number as its exact text, a boolean as `true`/`false`; nil for null, arrays and objects.
    public var scalarText: String? {
        switch self {
        case .string(let value): value
        case .number(let value): value.text
        case .bool(let value): value ? "true" : "false"
        case .null, .array, .object: nil
        }
    }
}
