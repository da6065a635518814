/// Base64 text for bytes (RFC 4648 section 4: standard alphabet, `=` padding, no line breaks).
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let padding = UInt8(ascii: "=")

    /// The bytes as padded base64 text.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var text: [UInt8] = []
        text.reserveCapacity((input.count + 2) / 3 * 4)
        var index = 0
        while index < input.count {
            let remaining = input.count - index
            let first = UInt32(input[index])
            let second = remaining > 1 ? UInt32(input[index + 1]) : 0
            let third = remaining > 2 ? UInt32(input[index + 2]) : 0
            let group = first << 16 | second << 8 | third
            text.append(alphabet[Int(group >> 18 & 0x3F)])
            text.append(alphabet[Int(group >> 12 & 0x3F)])
            text.append(remaining > 1 ? alphabet[Int(group >> 6 & 0x3F)] : padding)
            text.append(remaining > 2 ? alphabet[Int(group & 0x3F)] : padding)
            index += 3
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes spelled by padded base64 `text`, or `nil` unless it is canonical: a multiple of four
    /// characters, only alphabet characters, at most two `=` and only at the end, unused bits zero.
    public static func decode(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 4 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count / 4 * 3)
        var start = 0
        while start < characters.count {
            let isLastGroup = start + 4 == characters.count
            guard let group = decodeGroup(characters[start..<start + 4], allowPadding: isLastGroup) else {
                return nil
            }
            bytes.append(contentsOf: group)
            start += 4
        }
        return bytes
    }

    private static func decodeGroup(_ group: ArraySlice<UInt8>, allowPadding: Bool) -> [UInt8]? {
        let paddingCount = group.reversed().prefix { $0 == padding }.count
        guard paddingCount == 0 || (allowPadding && paddingCount <= 2) else { return nil }
        var combined: UInt32 = 0
        for character in group.dropLast(paddingCount) {
            guard let value = value(of: character) else { return nil }
            combined = combined << 6 | UInt32(value)
        }
        combined <<= UInt32(6 * paddingCount)
        let decoded = [UInt8(combined >> 16 & 0xFF), UInt8(combined >> 8 & 0xFF), UInt8(combined & 0xFF)]
        let unusedBits = paddingCount == 0 ? 0 : combined & (paddingCount == 1 ? 0xFF : 0xFFFF)
        guard unusedBits == 0 else { return nil }
        return Array(decoded.prefix(3 - paddingCount))
    }

    private static func value(of character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return nil
        }
    }
}
