extension JSONValue: CustomStringConvertible {
    /// The compact JSON text, as `serialized()` writes it.
    public var description: String { serialized() }

    /// Compact JSON text: no whitespace, object keys in stored order, numbers exactly as their text.
    /// Strings escape only `"`, `\`, control characters and U+2028/U+2029 (`/` is left alone) and
    /// keep other characters as UTF-8, unless `escapeNonASCII` asks for `\uXXXX` escapes (with
    /// surrogate pairs beyond the Basic Multilingual Plane), as some PHP-style clients expect.
    public func serialized(escapeNonASCII: Bool = false) -> String {
        String(decoding: serializedBytes(escapeNonASCII: escapeNonASCII), as: UTF8.self)
    }

    /// The UTF-8 bytes of `serialized(escapeNonASCII:)`.
    public func serializedBytes(escapeNonASCII: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = []
        serialize(into: &bytes, escapeNonASCII: escapeNonASCII)
        return bytes
    }

    /// Appends the UTF-8 bytes of `serialized(escapeNonASCII:)` to `buffer`.
    public func serialize(into buffer: inout [UInt8], escapeNonASCII: Bool = false) {
        var serializer = JSONSerializer(output: buffer, escapeNonASCII: escapeNonASCII)
        buffer = []
        serializer.write(self)
        buffer = serializer.output
    }
}
