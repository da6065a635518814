/// The XML of WeChat Pay's v2 API: one `<xml>` root holding flat fields, each `<name>value</name>` with
/// the value as text or CDATA. Only that shape is read: a DOCTYPE, an entity declaration, a processing
/// instruction other than the XML declaration, attributes, nested elements, repeated fields and
/// references other than the five predefined entities and character references are refused, so a
/// notification cannot make the parser fetch or expand anything.
enum WeChatPayXML {
    /// The largest document read; WeChat Pay's notifications are a few kilobytes.
    static let maximumBytes = 64 * 1024

    /// Why a document was refused.
    struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        let reason: String
        let offset: Int

        var description: String { "WeChat Pay XML refused at byte \(offset): \(reason)" }
    }

    /// `fields` as `<xml><name><![CDATA[value]]></name>…</xml>`, names sorted (WeChat Pay reads them in any order).
    static func encode(_ fields: [String: String], root: String = "xml") -> String {
        var text = "<\(root)>"
        for name in fields.keys.sorted() {
            let value = fields[name, default: ""].replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>")
            text += "<\(name)><![CDATA[\(value)]]></\(name)>"
        }
        return text + "</\(root)>"
    }

    /// The fields of a document whose root element is `root` (`xml`; the decrypted `req_info` of a refund
    /// notification has `root`).
    static func decode(_ bytes: [UInt8], root: String = "xml") throws(Refusal) -> [String: String] {
        guard bytes.count <= maximumBytes else {
            throw Refusal(reason: "the document is larger than \(maximumBytes) bytes", offset: maximumBytes)
        }
        var reader = Reader(bytes: bytes, root: root)
        return try reader.document()
    }

    /// Reads one document from the start.
    private struct Reader {
        let bytes: [UInt8]
        let root: String
        var position = 0

        mutating func document() throws(Refusal) -> [String: String] {
            skipSpace()
            if starts(with: "<?xml") {
                guard let end = find("?>", from: position) else { throw refusal("an unfinished XML declaration") }
                position = end + 2
                skipSpace()
            }
            try expect("<\(root)>")
            var fields: [String: String] = [:]
            while true {
                skipSpace()
                if starts(with: "</\(root)>") {
                    position += root.utf8.count + 3
                    skipSpace()
                    guard position == bytes.count else { throw refusal("content after the root element") }
                    return fields
                }
                let (name, value) = try field()
                guard fields.updateValue(value, forKey: name) == nil else { throw refusal("the field \(name) repeats") }
            }
        }

        private mutating func field() throws(Refusal) -> (String, String) {
            guard starts(with: "<"), !starts(with: "<!"), !starts(with: "<?"), !starts(with: "</") else {
                throw refusal("a field element was expected (no DOCTYPE, entity or processing instruction)")
            }
            position += 1
            let name = try elementName()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
                throw refusal("field \(name) has attributes or is not closed")
            }
            position += 1
            var value: [UInt8] = []
            while true {
                guard position < bytes.count else { throw refusal("field \(name) is not closed") }
                if starts(with: "<![CDATA[") {
                    guard let end = find("]]>", from: position + 9) else {
                        throw refusal("an unfinished CDATA section")
                    }
                    value += bytes[(position + 9)..<end]
                    position = end + 3
                } else if starts(with: "</") {
                    position += 2
                    let closing = try elementName()
                    guard closing == name, position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
                        throw refusal("field \(name) is closed by another element")
                    }
                    position += 1
                    guard let text = String(validating: value, as: UTF8.self) else {
                        throw refusal("field \(name) is not UTF-8")
                    }
                    return (name, text)
                } else if bytes[position] == UInt8(ascii: "<") {
                    throw refusal("field \(name) holds an element; fields are flat")
                } else if bytes[position] == UInt8(ascii: "&") {
                    value += try reference()
                } else {
                    value.append(bytes[position])
                    position += 1
                }
            }
        }

        /// A name of letters, digits and `_`, at most 64 bytes.
        private mutating func elementName() throws(Refusal) -> String {
            let start = position
            while position < bytes.count, position - start < 64, Self.isNameByte(bytes[position]) { position += 1 }
            guard position > start else { throw refusal("an element name was expected") }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }

        /// One of the five predefined entities or a character reference.
        private mutating func reference() throws(Refusal) -> [UInt8] {
            guard let end = find(";", from: position), end - position <= 10 else {
                throw refusal("an unfinished reference")
            }
            let body = String(decoding: bytes[(position + 1)..<end], as: UTF8.self)
            position = end + 1
            switch body {
            case "lt": return [UInt8(ascii: "<")]
            case "gt": return [UInt8(ascii: ">")]
            case "amp": return [UInt8(ascii: "&")]
            case "quot": return [UInt8(ascii: "\"")]
            case "apos": return [UInt8(ascii: "'")]
            default:
                let number: UInt32?
                if body.hasPrefix("#x") {
                    number = UInt32(body.dropFirst(2), radix: 16)
                } else if body.hasPrefix("#") {
                    number = UInt32(body.dropFirst(), radix: 10)
                } else {
                    number = nil
                }
                guard let number, number >= 0x20 || [0x09, 0x0A, 0x0D].contains(number),
                    let scalar = Unicode.Scalar(number)
                else {
                    throw refusal("the reference &\(body); is not allowed")
                }
                return Array(String(Character(scalar)).utf8)
            }
        }

        private mutating func expect(_ text: String) throws(Refusal) {
            guard starts(with: text) else { throw refusal("\(text) was expected") }
            position += text.utf8.count
        }

        private mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        private func starts(with text: String) -> Bool {
            let pattern = Array(text.utf8)
            return bytes.count - position >= pattern.count
                && Array(bytes[position..<(position + pattern.count)]) == pattern
        }

        private func find(_ text: String, from start: Int) -> Int? {
            let pattern = Array(text.utf8)
            guard bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
            for index in start...(bytes.count - pattern.count)
            where bytes[index] == pattern[0] && Array(bytes[index..<(index + pattern.count)]) == pattern {
                return index
            }
            return nil
        }

        private func refusal(_ reason: String) -> Refusal { Refusal(reason: reason, offset: position) }

        private static func isNameByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
    }
}
