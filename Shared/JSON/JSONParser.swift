/// Reads one JSON document (RFC 8259, strictly) from UTF-8 bytes. Open arrays and objects live on an
/// explicit stack instead of the call stack, so nesting depth is bounded only by `JSONLimits.maxDepth`.
struct JSONParser {
    /// An array or object whose closing bracket has not been read yet, innermost last. Its contents
    /// live in `openArrays` or `openObjects`, where they are appended to in place.
    private struct OpenContainer {
        var isArray: Bool
        /// The offset of its opening bracket.
        var start: Int
    }

    /// An object being read and the key of the member whose value is being read.
    private struct OpenObject {
        var members: JSONObject
        var key: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSONLimits
    var position = 0
    private var openContainers: [OpenContainer] = []
    private var openArrays: [[JSONValue]] = []
    private var openObjects: [OpenObject] = []

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    /// The single value of the document; only whitespace may surround it.
    mutating func parseDocument() throws(JSONError) -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.count else { throw JSONError(.trailingData, offset: position) }
        return value
    }

    private mutating func parseValue() throws(JSONError) -> JSONValue {
        readValue: while true {
            skipWhitespace()
            guard position < bytes.count else { throw JSONError(.unexpectedEnd(expected: "a value"), offset: position) }
            var valueStart = position
            var value: JSONValue
            switch bytes[position] {
            case ASCII.openBracket:
                try checkDepth()
                position += 1
                skipWhitespace()
                if position < bytes.count && bytes[position] == ASCII.closeBracket {
                    position += 1
                    value = .array([])
                } else {
                    openContainers.append(OpenContainer(isArray: true, start: valueStart))
                    openArrays.append([])
                    continue readValue
                }
            case ASCII.openBrace:
                try checkDepth()
                position += 1
                skipWhitespace()
                if position < bytes.count && bytes[position] == ASCII.closeBrace {
                    position += 1
                    value = .object(JSONObject())
                } else {
                    let key = try parseMemberKey(of: JSONObject())
                    openContainers.append(OpenContainer(isArray: false, start: valueStart))
                    openObjects.append(OpenObject(members: JSONObject(), key: key))
                    continue readValue
                }
            case ASCII.quote:
                value = .string(try parseString())
            case ASCII.lowerT:
                value = try parseLiteral("true", .bool(true))
            case ASCII.lowerF:
                value = try parseLiteral("false", .bool(false))
            case ASCII.lowerN:
                value = try parseLiteral("null", .null)
            case ASCII.minus, ASCII.zero...ASCII.nine:
                value = .number(try parseNumber())
            case let byte:
                throw JSONError(.unexpectedByte(byte, expected: "a value"), offset: position)
            }

            // Hand the value to the innermost open container; each container it completes is handed on.
            while let container = openContainers.last {
                if container.isArray {
                    let last = openArrays.count - 1
                    guard openArrays[last].count < limits.maxElements else {
                        throw JSONError(.tooManyElements(limit: limits.maxElements), offset: valueStart)
                    }
                    openArrays[last].append(value)
                    if try readSeparator(closing: ASCII.closeBracket, expected: "',' or ']'") { continue readValue }
                    value = .array(openArrays.removeLast())
                } else {
                    let last = openObjects.count - 1
                    guard openObjects[last].members.count < limits.maxElements else {
                        throw JSONError(.tooManyElements(limit: limits.maxElements), offset: valueStart)
                    }
                    let key = openObjects[last].key
                    openObjects[last].members.appendNew(key: key, value: value)
                    if try readSeparator(closing: ASCII.closeBrace, expected: "',' or '}'") {
                        let nextKey = try parseMemberKey(of: openObjects[last].members)
                        openObjects[last].key = nextKey
                        continue readValue
                    }
                    value = .object(openObjects.removeLast().members)
                }
                openContainers.removeLast()
                valueStart = container.start
            }
            return value
        }
    }

    /// Reads the `,` or closing bracket after an element: true after a comma (another element follows).
    private mutating func readSeparator(closing: UInt8, expected: String) throws(JSONError) -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw JSONError(.unexpectedEnd(expected: expected), offset: position) }
        switch bytes[position] {
        case ASCII.comma:
            let comma = position
            position += 1
            skipWhitespace()
            if position < bytes.count && bytes[position] == closing {
                throw JSONError(.trailingComma, offset: comma)
            }
            return true
        case closing:
            position += 1
            return false
        case let byte:
            throw JSONError(.unexpectedByte(byte, expected: expected), offset: position)
        }
    }

    /// Reads `"key" :` and refuses a key `object` already has.
    private mutating func parseMemberKey(of object: JSONObject) throws(JSONError) -> String {
        skipWhitespace()
        guard position < bytes.count else {
            throw JSONError(.unexpectedEnd(expected: "a string key"), offset: position)
        }
        guard bytes[position] == ASCII.quote else {
            throw JSONError(.unexpectedByte(bytes[position], expected: "a string key"), offset: position)
        }
        let keyStart = position
        let key = try parseString()
        if object.contains(key: key) { throw JSONError(.duplicateKey(key), offset: keyStart) }
        skipWhitespace()
        guard position < bytes.count else { throw JSONError(.unexpectedEnd(expected: "':'"), offset: position) }
        guard bytes[position] == ASCII.colon else {
            throw JSONError(.unexpectedByte(bytes[position], expected: "':'"), offset: position)
        }
        position += 1
        return key
    }

    private func checkDepth() throws(JSONError) {
        if openContainers.count >= limits.maxDepth {
            throw JSONError(.tooDeep(limit: limits.maxDepth), offset: position)
        }
    }

    mutating func skipWhitespace() {
        while position < bytes.count && ASCII.isWhitespace(bytes[position]) { position += 1 }
    }
}
