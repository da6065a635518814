extension JSONValue: ExpressibleByNilLiteral {
    /// `nil` written where a `JSONValue` (not an optional one) is expected means JSON `null`.
    public init(nilLiteral: ()) {
        self = .null
    }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self = .number(JSONNumber(value))
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension JSONValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// Keeps the order the literal is written in.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements))
    }
}

extension JSONValue {
    public init(_ value: String) {
        self = .string(value)
    }

    public init(_ value: Int) {
        self = .number(JSONNumber(value))
    }

    public init(_ value: Int64) {
        self = .number(JSONNumber(value))
    }

    public init(_ value: Bool) {
        self = .bool(value)
    }

    public init(_ value: JSONNumber) {
        self = .number(value)
    }

    public init(_ value: JSONObject) {
        self = .object(value)
    }

    public init(_ value: [JSONValue]) {
        self = .array(value)
    }
}
