import JSON

/// Reads the fields of a contract's JSON object under one set of rules: ids and amounts are whole
/// numbers sent as JSON numbers or digit strings; an absent field and `null` are the same; each
/// problem names its field.
public struct MeshFields: Sendable {
    public let object: JSONObject

    public init(_ object: JSONObject) {
        self.object = object
    }

    /// The value of `key`, nil when absent or null.
    public func value(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    /// A string; nil when absent.
    public func optionalString(_ key: String) throws(MeshProtocolError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw .invalid(key, "a string") }
        return text
    }

    /// A string that is present.
    public func string(_ key: String) throws(MeshProtocolError) -> String {
        guard let text = try optionalString(key) else { throw .missing(key) }
        return text
    }

    /// Text sent as a string or a number, trimmed of surrounding white space, without control
    /// characters, at most `maxLength` Unicode scalars; nil when absent or blank.
    public func optionalText(_ key: String, maxLength: Int) throws(MeshProtocolError) -> String? {
        guard let value = value(key) else { return nil }
        let raw: String
        switch value {
        case .string(let text): raw = text
        case .number(let number): raw = number.text
        default: throw .invalid(key, "a string or a number")
        }
        let text = Self.trimmed(raw)
        guard !text.isEmpty else { return nil }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
            text.unicodeScalars.count <= maxLength
        else { throw .invalid(key, "text of at most \(maxLength) characters without control characters") }
        return text
    }

    /// A whole number from 1 to `maximum`, sent as a JSON number or as digits; nil when absent.
    public func optionalPositiveInteger(_ key: String, maximum: Int64 = Int64.max) throws(MeshProtocolError) -> Int64? {
        guard let value = value(key) else { return nil }
        let text: String
        switch value {
        case .string(let string): text = string
        case .number(let number): text = number.text
        default: throw .invalid(key, "a whole number from 1 to \(maximum)")
        }
        guard !text.isEmpty, text.utf8.count <= 19,
            text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let number = Int64(text),
            number > 0, number <= maximum
        else { throw .invalid(key, "a whole number from 1 to \(maximum)") }
        return number
    }

    /// Like `optionalPositiveInteger`, but absence is a problem.
    public func positiveInteger(_ key: String, maximum: Int64 = Int64.max) throws(MeshProtocolError) -> Int64 {
        guard let number = try optionalPositiveInteger(key, maximum: maximum) else { throw .missing(key) }
        return number
    }

    /// A whole number (any sign) sent as a JSON number; nil when absent.
    public func optionalInteger(_ key: String) throws(MeshProtocolError) -> Int64? {
        guard let value = value(key) else { return nil }
        guard let number = value.int64Value ?? value.stringValue.flatMap({ Int64($0) }) else {
            throw .invalid(key, "a whole number")
        }
        return number
    }

    /// Like `optionalInteger`, but absence is a problem.
    public func integer(_ key: String) throws(MeshProtocolError) -> Int64 {
        guard let number = try optionalInteger(key) else { throw .missing(key) }
        return number
    }

    /// A boolean that is present.
    public func bool(_ key: String) throws(MeshProtocolError) -> Bool {
        guard let value = value(key) else { throw .missing(key) }
        guard case .bool(let flag) = value else { throw .invalid(key, "true or false") }
        return flag
    }

    /// A JSON object that is present.
    public func object(_ key: String) throws(MeshProtocolError) -> JSONObject {
        guard let value = value(key) else { throw .missing(key) }
        guard case .object(let object) = value else { throw .invalid(key, "a JSON object") }
        return object
    }

    /// A list that is present, each item read by `item` (which gets the item's position for its message).
    public func list<Item>(
        _ key: String, _ item: (JSONValue, String) throws(MeshProtocolError) -> Item
    ) throws(MeshProtocolError) -> [Item] {
        guard let value = value(key) else { throw .missing(key) }
        guard case .array(let values) = value else { throw .invalid(key, "a list") }
        var items: [Item] = []
        items.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            items.append(try item(value, "\(key)[\(index)]"))
        }
        return items
    }

    /// The objects of the list `key`, each read as `Message`.
    public func messages<Message: MeshMessage>(_ key: String, as _: Message.Type) throws(MeshProtocolError) -> [Message]
    {
        try list(key) { (value, position) throws(MeshProtocolError) -> Message in
            guard case .object(let object) = value else { throw .invalid(position, "a JSON object") }
            do {
                return try Message(json: object)
            } catch {
                throw MeshProtocolError("\(position): \(error)")
            }
        }
    }

    /// `text` without leading and trailing spaces, tabs, line breaks and ideographic spaces.
    static func trimmed(_ text: String) -> String {
        let isSpace: (Unicode.Scalar) -> Bool = {
            $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{3000}"
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
