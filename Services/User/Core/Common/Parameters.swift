import JSON

/// The business parameters of one call, read under strict rules: every value must be a scalar of the
/// expected shape and length before it goes anywhere, so odd input ends in a clean `InputProblem`.
struct Parameters: Sendable {
    let values: JSONObject

    init(_ values: JSONObject) {
        self.values = values
    }

    /// A scalar as trimmed text (clients send numbers as `1` or `"1"`); nil when absent, null or empty.
    /// Control characters are refused; lengths count Unicode scalars, as PostgreSQL's `char_length` does.
    func text(_ key: String, maxLength: Int) throws(InputProblem) -> String? {
        guard let value = values[key], !value.isNull else { return nil }
        guard case .string = value, let raw = value.scalarText else {
            if case .number(let number) = value { return try checked(key, number.text, maxLength: maxLength) }
            throw InputProblem(key, .notScalar)
        }
        return try checked(key, raw, maxLength: maxLength)
    }

    /// Like `text`, but absence is a problem.
    func required(_ key: String, maxLength: Int) throws(InputProblem) -> String {
        guard let text = try text(key, maxLength: maxLength) else { throw InputProblem(key, .missing) }
        return text
    }

    /// A positive whole number sent as a JSON number or as digits; nil when absent.
    func positiveInteger(_ key: String, maximum: Int64 = Int64(Int32.max)) throws(InputProblem) -> Int64? {
        guard let text = try text(key, maxLength: 19) else { return nil }
        guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let value = Int64(text),
            value > 0, value <= maximum
        else { throw InputProblem(key, .malformed("须为 1 到 \(maximum) 之间的整数")) }
        return value
    }

    /// Like `positiveInteger`, but absence is a problem.
    func requiredPositiveInteger(_ key: String, maximum: Int64 = Int64(Int32.max)) throws(InputProblem) -> Int64 {
        guard let value = try positiveInteger(key, maximum: maximum) else { throw InputProblem(key, .missing) }
        return value
    }

    private func checked(_ key: String, _ raw: String, maxLength: Int) throws(InputProblem) -> String? {
        let text = raw.trimmingWhitespace
        guard !text.isEmpty else { return nil }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw InputProblem(key, .malformed("不能包含控制字符"))
        }
        guard text.unicodeScalars.count <= maxLength else { throw InputProblem(key, .tooLong(maximum: maxLength)) }
        return text
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks (ASCII and ideographic space).
    var trimmingWhitespace: String {
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
