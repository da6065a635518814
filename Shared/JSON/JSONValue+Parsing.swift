extension JSONValue {
    /// Parses one JSON document from UTF-8 bytes, strictly per RFC 8259: a single value of any kind
    /// with only whitespace around it, no comments, no trailing commas, no byte order mark.
    public static func parse(
        _ bytes: some Collection<UInt8>, limits: JSONLimits = JSONLimits()
    ) throws(JSONError) -> JSONValue {
        guard bytes.count <= limits.maxBytes else {
            throw JSONError(.documentTooLarge(limit: limits.maxBytes), offset: limits.maxBytes)
        }
        if let result = bytes.withContiguousStorageIfAvailable({ parseResult($0, limits: limits) }) {
            return try result.get()
        }
        return try Array(bytes).withUnsafeBufferPointer { parseResult($0, limits: limits) }.get()
    }

    /// Parses one JSON document from its text; see `parse(_:limits:)` for the bytes.
    public static func parse(_ text: String, limits: JSONLimits = JSONLimits()) throws(JSONError) -> JSONValue {
        try parse(text.utf8, limits: limits)
    }

    private static func parseResult(
        _ buffer: UnsafeBufferPointer<UInt8>, limits: JSONLimits
    ) -> Result<JSONValue, JSONError> {
        var parser = JSONParser(bytes: buffer, limits: limits)
        do {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}
