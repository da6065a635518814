import HTTPCore

/// Parameters as Alipay sends and reads them: `application/x-www-form-urlencoded` (a request's query
/// string or form body, a notification's body), UTF-8, each name once.
enum AlipayForm {
    /// Why a form was refused.
    struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    /// `parameters` encoded, sorted by name (so one set of parameters is always written the same way).
    static func encode(_ parameters: [String: String]) -> String {
        parameters.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            .map { "\(percentEncoded($0.key))=\(percentEncoded($0.value))" }
            .joined(separator: "&")
    }

    /// `text` with every byte but the unreserved ones (RFC 3986: letters, digits, `-._~`) written `%XX`.
    static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The decoded parameters of a form or query string: a malformed escape, text that is not UTF-8, a
    /// control character other than a tab or a line break, an empty or repeated name, or more than `maximumFields` fields is refused.
    static func decode(_ encoded: some Collection<UInt8>, maximumFields: Int = 100) throws(Refusal) -> [String: String]
    {
        let pairs: [(name: String, value: String)]
        do {
            pairs = try strictURLEncodedPairs(encoded)
        } catch {
            throw Refusal(reason: error.description)
        }
        guard pairs.count <= maximumFields else { throw Refusal(reason: "more than \(maximumFields) fields") }
        var fields: [String: String] = [:]
        for (fullName, value) in pairs {
            let name = String(fullName.prefix(64))
            guard !name.isEmpty else { throw Refusal(reason: "a field has no name") }
            guard !(name + value).unicodeScalars.contains(where: Self.isRefusedControl) else {
                throw Refusal(reason: "the field \(name) holds a control character")
            }
            guard fields.updateValue(value, forKey: fullName) == nil else {
                throw Refusal(reason: "the field \(name) repeats")
            }
        }
        return fields
    }

    private static func isRefusedControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && ![0x09, 0x0A, 0x0D].contains(scalar.value)) || scalar.value == 0x7F
    }
}
