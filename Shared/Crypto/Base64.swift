/// Base64 text for bytes (RFC 4648 section 4: standard alphabet, `=` padding, no line breaks).
/// Both directions run one pass over contiguous memory without allocating per group, so megabyte
/// images cost the same per byte in debug and release builds.
public enum Base64 {
    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let padding = UInt8(ascii: "=")
    /// Each byte's value in the alphabet, 0xFF for bytes outside it.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        return table
    }()

    /// The bytes as padded base64 text.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        if let text = bytes.withContiguousStorageIfAvailable(encode(buffer:)) { return text }
        return Array(bytes).withUnsafeBufferPointer(encode(buffer:))
    }

    private static func encode(buffer input: UnsafeBufferPointer<UInt8>) -> String {
        let length = (input.count + 2) / 3 * 4
        return alphabet.withUnsafeBufferPointer { alphabet in
            String(unsafeUninitializedCapacity: length) { text in
                var index = 0
                var written = 0
                while index < input.count {
                    let remaining = input.count - index
                    let first = UInt32(input[index])
                    let second = remaining > 1 ? UInt32(input[index + 1]) : 0
                    let third = remaining > 2 ? UInt32(input[index + 2]) : 0
                    let group = first << 16 | second << 8 | third
                    text[written] = alphabet[Int(group >> 18 & 0x3F)]
                    text[written + 1] = alphabet[Int(group >> 12 & 0x3F)]
                    text[written + 2] = remaining > 1 ? alphabet[Int(group >> 6 & 0x3F)] : padding
                    text[written + 3] = remaining > 2 ? alphabet[Int(group & 0x3F)] : padding
                    index += 3
                    written += 4
                }
                return written
            }
        }
    }

    /// The bytes spelled by padded base64 `text`, or `nil` unless it is canonical: a multiple of four
    /// characters, only alphabet characters, at most two `=` and only at the end, unused bits zero.
    public static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode(buffer: $0) }
    }

    /// Like `decode(_:)`, for base64 text given as its bytes.
    public static func decode(bytes: some Collection<UInt8>) -> [UInt8]? {
        if let decoded = bytes.withContiguousStorageIfAvailable(decode(buffer:)) { return decoded }
        return Array(bytes).withUnsafeBufferPointer(decode(buffer:))
    }

    private static func decode(buffer text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard text.count % 4 == 0 else { return nil }
        guard text.count > 0 else { return [] }
        var paddingCount = 0
        if text[text.count - 1] == padding { paddingCount += 1 }
        if text[text.count - 2] == padding { paddingCount += 1 }
        guard paddingCount < 2 || text[text.count - 1] == padding else { return nil }
        var decoded = [UInt8](repeating: 0, count: text.count / 4 * 3)
        let valid = values.withUnsafeBufferPointer { values in
            decoded.withUnsafeMutableBufferPointer { output -> Bool in
                var start = 0
                var written = 0
                while start < text.count {
                    let isLastGroup = start + 4 == text.count
                    let used = isLastGroup ? 4 - paddingCount : 4
                    var combined: UInt32 = 0
                    var position = 0
                    while position < used {
                        let value = values[Int(text[start + position])]
                        guard value != 0xFF else { return false }
                        combined = combined << 6 | UInt32(value)
                        position += 1
                    }
                    combined <<= UInt32(6 * (4 - used))
                    output[written] = UInt8(combined >> 16 & 0xFF)
                    output[written + 1] = UInt8(combined >> 8 & 0xFF)
                    output[written + 2] = UInt8(combined & 0xFF)
                    start += 4
                    written += 3
                }
                let unusedBits = paddingCount == 0 ? 0 : combinedTail(output, paddingCount: paddingCount)
                return unusedBits == 0
            }
        }
        guard valid else { return nil }
        decoded.removeLast(paddingCount)
        return decoded
    }

    /// The bytes a padded last group decodes beyond its data: they hold the unused bits, which a
    /// canonical encoding leaves zero.
    private static func combinedTail(_ output: UnsafeMutableBufferPointer<UInt8>, paddingCount: Int) -> UInt32 {
        let last = output.count - 1
        return paddingCount == 1 ? UInt32(output[last]) : UInt32(output[last - 1]) << 8 | UInt32(output[last])
    }
}
