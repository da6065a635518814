import Catalog
import Mesh

/// How an envelope writes its `code` field: as a JSON string (`"0000"`, `"200"`) or as a JSON number (`0`, `200`).
public enum CodeNotation: String, Sendable, Hashable {
    case string
    case number
}

/// One reply code exactly as a dialect's document defines it: the code, how the envelope writes it, and the
/// document's message for it.
public struct DialectCode: Sendable, Hashable, CustomStringConvertible {
    /// The code's characters as the document prints them (`"0000"`, `"200"`, `"70011"`).
    public let text: String
    public let notation: CodeNotation
    /// The document's description of the code, used as the envelope message when a reply brings none.
    public let message: String

    private init(text: String, notation: CodeNotation, message: String) {
        self.text = text
        self.notation = notation
        self.message = message
    }

    /// A code the envelope writes as a JSON string, leading zeros kept (`"0000"`).
    public static func string(_ text: String, _ message: String) -> DialectCode {
        DialectCode(text: text, notation: .string, message: message)
    }

    /// A code the envelope writes as a JSON number (`200`).
    public static func number(_ value: Int, _ message: String) -> DialectCode {
        DialectCode(text: String(value), notation: .number, message: message)
    }

    public var isNumeric: Bool { notation == .number }

    /// The code as an integer when its text is one (`"0000"` gives 0), whatever the notation.
    public var integerValue: Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// The same code written in another notation, for the endpoints whose examples write it differently from
    /// the rest of their dialect. `nil` when the text would change as a number (`"0000"` is not `0`).
    public func written(as notation: CodeNotation) -> DialectCode? {
        if notation == self.notation { return self }
        if notation == .string { return DialectCode(text: text, notation: .string, message: message) }
        guard let value = integerValue, String(value) == text else { return nil }
        return .number(value, message)
    }

    public var description: String {
        notation == .string ? "\"\(text)\" \(message)" : "\(text) \(message)"
    }
}
