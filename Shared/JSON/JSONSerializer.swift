/// Writes values as compact JSON: no whitespace, keys in stored order, numbers as their text, strings
/// escaped minimally. Containers are walked with an explicit stack, so any depth is safe.
struct JSONSerializer {
    /// An array or object whose elements are still being written; `next` is the element after the
    /// one being written.
    private enum OpenContainer {
        case array([JSONValue], next: Int)
        case object(JSONObject, next: Int)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    var output: [UInt8]
    let escapeNonASCII: Bool

    mutating func write(_ root: JSONValue) {
        var openContainers: [OpenContainer] = []
        var current = root
        writeValue: while true {
            switch current {
            case .null: output.append(contentsOf: "null".utf8)
            case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
            case .number(let value): output.append(contentsOf: value.text.utf8)
            case .string(let value): writeString(value)
            case .array(let elements):
                if let first = elements.first {
                    output.append(ASCII.openBracket)
                    openContainers.append(.array(elements, next: 1))
                    current = first
                    continue writeValue
                }
                output.append(contentsOf: "[]".utf8)
            case .object(let object):
                if !object.isEmpty {
                    output.append(ASCII.openBrace)
                    writeKey(object.keys[0])
                    openContainers.append(.object(object, next: 1))
                    current = object.values[0]
                    continue writeValue
                }
                output.append(contentsOf: "{}".utf8)
            }

            while let container = openContainers.popLast() {
                switch container {
                case .array(let elements, let next):
                    if next < elements.count {
                        output.append(ASCII.comma)
                        openContainers.append(.array(elements, next: next + 1))
                        current = elements[next]
                        continue writeValue
                    }
                    output.append(ASCII.closeBracket)
                case .object(let object, let next):
                    if next < object.count {
                        output.append(ASCII.comma)
                        writeKey(object.keys[next])
                        openContainers.append(.object(object, next: next + 1))
                        current = object.values[next]
                        continue writeValue
                    }
                    output.append(ASCII.closeBrace)
                }
            }
            return
        }
    }

    private mutating func writeKey(_ key: String) {
        writeString(key)
        output.append(ASCII.colon)
    }

    mutating func writeString(_ string: String) {
        output.append(ASCII.quote)
        if escapeNonASCII {
            for scalar in string.unicodeScalars { writeEscapingNonASCII(scalar) }
        } else if string.utf8.withContiguousStorageIfAvailable({ writeUTF8($0) }) == nil {
            Array(string.utf8).withUnsafeBufferPointer { writeUTF8($0) }
        }
        output.append(ASCII.quote)
    }

    /// Copies the UTF-8 bytes, escaping quotes, backslashes, control characters and the line and
    /// paragraph separators U+2028/U+2029 (which break JavaScript string literals).
    private mutating func writeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x20 && byte != ASCII.quote && byte != ASCII.backslash && byte != 0xE2 {
                index += 1
                continue
            }
            if byte == 0xE2 {
                guard index + 2 < bytes.count, bytes[index + 1] == 0x80,
                    bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
                else {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                writeUnicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                index += 3
            } else {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                writeEscapedASCII(byte)
                index += 1
            }
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
    }

    private mutating func writeEscapingNonASCII(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            let byte = UInt8(value)
            if byte >= 0x20 && byte != ASCII.quote && byte != ASCII.backslash {
                output.append(byte)
            } else {
                writeEscapedASCII(byte)
            }
        } else if value < 0x10000 {
            writeUnicodeEscape(UInt16(value))
        } else {
            let offset = value - 0x10000
            writeUnicodeEscape(UInt16(0xD800 + (offset >> 10)))
            writeUnicodeEscape(UInt16(0xDC00 + (offset & 0x3FF)))
        }
    }

    /// Writes a quote, a backslash or a control character in its escaped form.
    private mutating func writeEscapedASCII(_ byte: UInt8) {
        switch byte {
        case ASCII.quote: output.append(contentsOf: [ASCII.backslash, ASCII.quote])
        case ASCII.backslash: output.append(contentsOf: [ASCII.backslash, ASCII.backslash])
        case ASCII.lineFeed: output.append(contentsOf: [ASCII.backslash, ASCII.lowerN])
        case ASCII.carriageReturn: output.append(contentsOf: [ASCII.backslash, ASCII.lowerR])
        case ASCII.tab: output.append(contentsOf: [ASCII.backslash, ASCII.lowerT])
        case 0x08: output.append(contentsOf: [ASCII.backslash, ASCII.lowerB])
        case 0x0C: output.append(contentsOf: [ASCII.backslash, ASCII.lowerF])
        default: writeUnicodeEscape(UInt16(byte))
        }
    }

    /// Writes `\u` and four lower-case hex digits.
    private mutating func writeUnicodeEscape(_ codeUnit: UInt16) {
        output.append(contentsOf: [ASCII.backslash, ASCII.lowerU])
        for shift in stride(from: 12, through: 0, by: -4) {
            output.append(Self.hexDigits[Int((codeUnit >> UInt16(shift)) & 0xF)])
        }
    }
}
