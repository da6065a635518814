/// Why a JSON text was refused and where: `offset` counts bytes from the start of the input, from 0.
///
/// `description` reads like "trailing comma at byte 17", ready to be put into a reply such as
/// "bad JSON in data: trailing comma at byte 17".
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rule the input broke.
    public enum Kind: Sendable, Equatable {
        /// The input ended where `expected` was still due.
        case unexpectedEnd(expected: String)
        /// A byte that cannot stand here; `expected` says what could.
        case unexpectedByte(UInt8, expected: String)
        /// Something other than whitespace follows the document's value.
        case trailingData
        /// A comma right before `]` or `}`.
        case trailingComma
        /// A word that is not `true`, `false` or `null`.
        case invalidLiteral
        /// A number that breaks the grammar; the text says how.
        case invalidNumber(String)
        /// A number with a superfluous leading zero, such as `01`.
        case leadingZero
        /// A number whose exponent is beyond ±`JSONNumber.maxExponentMagnitude`.
        case numberOutOfRange
        /// A backslash not followed by one of `"\/bfnrt` or by `u` and four hex digits.
        case invalidEscape
        /// A `\u` escape of half a surrogate pair without its other half.
        case loneSurrogate
        /// A control character (below 0x20) written raw inside a string.
        case controlCharacter(UInt8)
        /// Bytes that are not valid UTF-8.
        case invalidUTF8
        /// A string without its closing quote; the offset is its opening quote.
        case unterminatedString
        /// An object key that already appeared in the same object.
        case duplicateKey(String)
        /// Nesting deeper than the limit.
        case tooDeep(limit: Int)
        /// A container with more elements than the limit.
        case tooManyElements(limit: Int)
        /// A string longer than the limit in bytes.
        case stringTooLong(limit: Int)
        /// A document larger than the limit in bytes.
        case documentTooLarge(limit: Int)
    }

    public let kind: Kind
    public let offset: Int

    public init(_ kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// What is wrong, without the position.
    public var reason: String {
        switch kind {
        case .unexpectedEnd(let expected): "unexpected end of input, expected \(expected)"
        case .unexpectedByte(let byte, let expected): "unexpected \(Self.describe(byte)), expected \(expected)"
        case .trailingData: "unexpected data after the JSON value"
        case .trailingComma: "trailing comma"
        case .invalidLiteral: "invalid literal (only true, false and null are allowed)"
        case .invalidNumber(let detail): "invalid number: \(detail)"
        case .leadingZero: "number with a leading zero"
        case .numberOutOfRange: "number exponent beyond ±\(JSONNumber.maxExponentMagnitude)"
        case .invalidEscape: "invalid escape sequence in string"
        case .loneSurrogate: "unpaired UTF-16 surrogate in \\u escape"
        case .controlCharacter(let byte): "unescaped control character \(Self.describe(byte)) in string"
        case .invalidUTF8: "invalid UTF-8"
        case .unterminatedString: "unterminated string"
        case .duplicateKey(let key): "duplicate key \"\(Self.shortened(key))\""
        case .tooDeep(let limit): "nesting deeper than \(limit) levels"
        case .tooManyElements(let limit): "container with more than \(limit) elements"
        case .stringTooLong(let limit): "string longer than \(limit) bytes"
        case .documentTooLarge(let limit): "document larger than \(limit) bytes"
        }
    }

    public var description: String { "\(reason) at byte \(offset)" }

    private static func describe(_ byte: UInt8) -> String {
        if byte > 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (hex.count < 2 ? "0" + hex : hex)
    }

    private static func shortened(_ key: String) -> String {
        key.count <= 64 ? key : String(key.prefix(64)) + "…"
    }
}
