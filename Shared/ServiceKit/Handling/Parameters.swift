import JSON

/// The business parameters of one call, read under one rule set for every service and dialect:
/// every value must be a scalar of the expected shape before it goes anywhere, so odd input ends in a
/// clean `InputProblem` naming the field.
///
/// The rules: clients send numbers as `1` or `"1"`; text is trimmed of leading and trailing spaces,
/// tabs, line breaks and the ideographic space; absent, null and empty are the same ("not given");
/// control characters are refused (line breaks and tabs inside `multiline` text excepted); lengths
/// count characters as PostgreSQL's `char_length` does (Unicode scalars), so a value that passes
/// fits its `varchar(n)` column.
public struct Parameters: Sendable {
    public let values: JSONObject

    public init(_ values: JSONObject) {
        self.values = values
    }

    /// Whether the call names `key` at all, even as null or empty (an update that clears a field).
    public func has(_ key: String) -> Bool { values[key] != nil }

    /// A scalar as trimmed text; nil when absent, null or empty.
    public func text(_ key: String, maxLength: Int, multiline: Bool = false) throws(InputProblem) -> String? {
        guard let raw = try scalar(key) else { return nil }
        let text = raw.trimmingWhitespace
        guard !text.isEmpty else { return nil }
        return try checked(key, text, maxLength: maxLength, multiline: multiline)
    }

    /// Like `text`, but not giving it is a problem.
    public func required(_ key: String, maxLength: Int, multiline: Bool = false) throws(InputProblem) -> String {
        guard let text = try text(key, maxLength: maxLength, multiline: multiline) else {
            throw InputProblem(key, .missing)
        }
        return text
    }

    /// A password, pay password or code exactly as sent: not trimmed (a space is part of a secret),
    /// control characters refused, at most `maxLength` characters; nil when absent, null or empty.
    public func secret(_ key: String, maxLength: Int) throws(InputProblem) -> String? {
        guard let text = try scalar(key), !text.isEmpty else { return nil }
        return try checked(key, text, maxLength: maxLength, multiline: false)
    }

    /// The value of `key` as sent, when it is a string or a number; nil when absent or null.
    private func scalar(_ key: String) throws(InputProblem) -> String? {
        guard let value = values[key], !value.isNull else { return nil }
        switch value {
        case .string(let text): return text
        case .number(let number): return number.text
        default: throw InputProblem(key, .notScalar)
        }
    }

    /// `text` when it has no control character (line breaks and tabs allowed when `multiline`) and at
    /// most `maxLength` characters.
    private func checked(
        _ key: String, _ text: String, maxLength: Int, multiline: Bool
    ) throws(InputProblem)
        -> String
    {
        let refused: (Unicode.Scalar) -> Bool = { scalar in
            guard scalar.properties.generalCategory == .control else { return false }
            return !(multiline && (scalar == "\n" || scalar == "\r" || scalar == "\t"))
        }
        guard !text.unicodeScalars.contains(where: refused) else {
            throw InputProblem(key, .malformed("不能包含控制字符"))
        }
        guard text.unicodeScalars.count <= maxLength else { throw InputProblem(key, .tooLong(maximum: maxLength)) }
        return text
    }

    /// A text field of an update: nil when the call does not send it (or sends null), so it stays as it
    /// is; `""` when sent empty, to clear it; else the text under the rules of `text`.
    public func update(_ key: String, maxLength: Int, multiline: Bool = false) throws(InputProblem) -> String? {
        guard let value = values[key], !value.isNull else { return nil }
        return try text(key, maxLength: maxLength, multiline: multiline) ?? ""
    }

    /// A whole number in `range`, sent as a JSON number or as digits with an optional `-`; nil when
    /// not given.
    public func integer(_ key: String, in range: ClosedRange<Int64>) throws(InputProblem) -> Int64? {
        guard let text = try text(key, maxLength: 20) else { return nil }
        let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        guard !digits.isEmpty, digits.allSatisfy(Self.isDigit), let number = Int64(text), range.contains(number)
        else { throw InputProblem(key, .malformed("须为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数")) }
        return number
    }

    /// Like `integer`, but not giving it is a problem.
    public func requiredInteger(_ key: String, in range: ClosedRange<Int64>) throws(InputProblem) -> Int64 {
        guard let number = try integer(key, in: range) else { throw InputProblem(key, .missing) }
        return number
    }

    /// A positive whole number up to `maximum`; nil when not given.
    public func positiveInteger(_ key: String, maximum: Int64 = Int64(Int32.max)) throws(InputProblem) -> Int64? {
        try integer(key, in: 1...maximum)
    }

    /// Like `positiveInteger`, but not giving it is a problem.
    public func requiredPositiveInteger(
        _ key: String, maximum: Int64 = Int64(Int32.max)
    ) throws(InputProblem)
        -> Int64
    {
        try requiredInteger(key, in: 1...maximum)
    }

    /// The id of a row: a positive 64-bit whole number that must be given.
    public func id(_ key: String) throws(InputProblem) -> Int64 { try requiredInteger(key, in: 1...Int64.max) }

    /// `true`/`false`, `1`/`0` or their text; nil when not given.
    public func bool(_ key: String) throws(InputProblem) -> Bool? {
        guard let value = values[key], !value.isNull else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .number(let number) where number.text == "0" || number.text == "1": return number.text == "1"
        case .string("true"), .string("1"): return true
        case .string("false"), .string("0"): return false
        case .string(let text) where text.trimmingWhitespace.isEmpty: return nil
        default: throw InputProblem(key, .malformed("须为 true 或 false"))
        }
    }

    /// An amount of yuan with at most two decimals (`12`, `12.5`, `12.34`) as exact fen, from zero up to
    /// `maximumFen`; nil when not given. Never read through a floating-point number.
    public func fen(_ key: String, maximumFen: Int64 = 100_000_000_00) throws(InputProblem) -> Int64? {
        guard let text = try text(key, maxLength: 24) else { return nil }
        guard let fen = Yuan.fen(text), fen <= maximumFen else {
            throw InputProblem(key, .malformed("须为不超过 \(Yuan.text(fen: maximumFen)) 元、至多两位小数的金额"))
        }
        return fen
    }

    /// A mainland mobile number (`MobileNumber`); nil when not given.
    public func mobile(_ key: String) throws(InputProblem) -> String? {
        guard let text = try text(key, maxLength: 11 + 1) else { return nil }
        guard MobileNumber.isValid(text) else { throw InputProblem(key, .malformed("手机号须为 1 开头的 11 位数字")) }
        return text
    }

    /// Like `mobile`, but not giving it is a problem.
    public func requiredMobile(_ key: String) throws(InputProblem) -> String {
        guard let mobile = try mobile(key) else { throw InputProblem(key, .missing) }
        return mobile
    }

    /// One of `choices`, compared exactly; nil when not given.
    public func choice(_ key: String, among choices: Set<String>) throws(InputProblem) -> String? {
        guard let text = try text(key, maxLength: 64) else { return nil }
        guard choices.contains(text) else {
            throw InputProblem(key, .malformed("须为 \(choices.sorted().joined(separator: "、")) 之一"))
        }
        return text
    }

    /// An ASCII digit.
    public static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks (ASCII and ideographic space).
    public var trimmingWhitespace: String {
        let isSpace: (Unicode.Scalar) -> Bool = {
            $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{3000}"
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
