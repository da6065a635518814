/// A field value of the form `value *( OWS ";" OWS name=value )`, as `Content-Type` and
/// `Content-Disposition` use (RFC 9110 section 5.6.6): the leading value lower-cased, and the
/// parameters with lower-cased names and quoted values unquoted. A malformed parameter list yields no
/// parameters at all (the leading value is still read), so nothing half-parsed is passed on.
public struct ParameterizedFieldValue: Sendable {
    /// The part before the parameters, trimmed and lower-cased (`multipart/form-data`, `form-data`).
    public let value: String
    public let parameters: [(name: String, value: String)]

    public init(_ fieldValue: String) {
        let bytes = Array(fieldValue.utf8)
        let end = bytes.firstIndex(of: HTTPGrammar.semicolon) ?? bytes.endIndex
        value = String(decoding: bytes[..<end], as: UTF8.self).trimmingASCIISpaces().lowercased()
        parameters = Self.parseParameters(bytes, from: end) ?? []
    }

    /// The value of the first parameter with that name (compared ignoring case).
    public func parameter(_ name: String) -> String? {
        parameters.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    /// Whether `value` is a `type/subtype` media type.
    var isMediaType: Bool {
        guard let slash = value.utf8.firstIndex(of: UInt8(ascii: "/")) else { return false }
        let type = value[..<slash]
        let subtype = value[value.utf8.index(after: slash)...]
        return HTTPGrammar.isToken(type) && HTTPGrammar.isToken(subtype)
    }

    private static func parseParameters(_ bytes: [UInt8], from start: Int) -> [(name: String, value: String)]? {
        var parameters: [(name: String, value: String)] = []
        var index = start
        while true {
            while index < bytes.count && HTTPGrammar.isWhitespace(bytes[index]) { index += 1 }
            if index == bytes.count { return parameters }
            guard bytes[index] == HTTPGrammar.semicolon else { return nil }
            index += 1
            while index < bytes.count && HTTPGrammar.isWhitespace(bytes[index]) { index += 1 }
            if index == bytes.count { return parameters }
            let nameStart = index
            while index < bytes.count && HTTPGrammar.isTokenByte(bytes[index]) { index += 1 }
            guard index > nameStart, index < bytes.count, bytes[index] == HTTPGrammar.equals else { return nil }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            index += 1
            guard let (value, valueEnd) = parseValue(bytes, from: index) else { return nil }
            parameters.append((name: name, value: value))
            index = valueEnd
        }
    }

    /// A token or a quoted-string (unescaped) starting at `start`, and where it ends.
    private static func parseValue(_ bytes: [UInt8], from start: Int) -> (String, Int)? {
        guard start < bytes.count else { return nil }
        if bytes[start] != HTTPGrammar.quote {
            var index = start
            while index < bytes.count && HTTPGrammar.isTokenByte(bytes[index]) { index += 1 }
            return index > start ? (String(decoding: bytes[start..<index], as: UTF8.self), index) : nil
        }
        var unquoted: [UInt8] = []
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == HTTPGrammar.quote { return (String(decoding: unquoted, as: UTF8.self), index + 1) }
            if byte == HTTPGrammar.backslash {
                guard index + 1 < bytes.count, HTTPGrammar.isFieldValueByte(bytes[index + 1]) else { return nil }
                unquoted.append(bytes[index + 1])
                index += 2
            } else {
                guard HTTPGrammar.isQuotedTextByte(byte) else { return nil }
                unquoted.append(byte)
                index += 1
            }
        }
        return nil
    }
}
