extension JSONNumber {
    /// The value as an `Int` when it is a whole number in range (`12`, `12.0`, `1.2e1`), else nil.
    public var int: Int? { exactInteger(Int.self) }

    /// The value as an `Int64` when it is a whole number in range, else nil.
    public var int64: Int64? { exactInteger(Int64.self) }

    /// The nearest `Double`, or nil when the value is beyond the range of `Double`.
    public var double: Double? {
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// The same value written without an exponent, for example `1E-7` as `0.0000001` and `1.5e3` as
    /// `1500`; a number written without an exponent is returned as is (`12.50` stays `12.50`).
    public var decimalText: String {
        guard let (bytes, parts) = JSONNumberGrammar.parts(ofWhole: text), parts.hasExponent else { return text }
        let digits = Array(bytes[parts.integerDigits]) + Array(bytes[parts.fractionDigits])
        let point = parts.integerDigits.count + parts.exponent
        var integerPart: ArraySlice<UInt8>
        var fractionPart: [UInt8]
        if point <= 0 {
            integerPart = []
            fractionPart = [UInt8](repeating: ASCII.zero, count: -point) + digits
        } else if point >= digits.count {
            integerPart = ArraySlice(digits + [UInt8](repeating: ASCII.zero, count: point - digits.count))
            fractionPart = []
        } else {
            integerPart = digits[..<point]
            fractionPart = Array(digits[point...])
        }
        while integerPart.first == ASCII.zero { integerPart.removeFirst() }
        var result: [UInt8] = parts.isNegative ? [ASCII.minus] : []
        result += integerPart.isEmpty ? [ASCII.zero] : Array(integerPart)
        if !fractionPart.isEmpty { result += [ASCII.period] + fractionPart }
        return String(decoding: result, as: UTF8.self)
    }

    /// Builds the integer from the digits exactly, refusing fractions and overflow.
    private func exactInteger<Integer: FixedWidthInteger & SignedInteger>(_: Integer.Type) -> Integer? {
        guard let (bytes, parts) = JSONNumberGrammar.parts(ofWhole: text) else { return nil }
        let digits = Array(bytes[parts.integerDigits]) + Array(bytes[parts.fractionDigits])
        guard let first = digits.firstIndex(where: { $0 != ASCII.zero }),
            let last = digits.lastIndex(where: { $0 != ASCII.zero })
        else { return 0 }
        let scale = parts.exponent - parts.fractionDigits.count + (digits.count - 1 - last)
        guard scale >= 0 else { return nil }
        var value: Integer = 0
        for digit in digits[first...last] {
            let (shifted, shiftOverflow) = value.multipliedReportingOverflow(by: 10)
            let amount = Integer(digit - ASCII.zero)
            let (next, addOverflow) =
                parts.isNegative
                ? shifted.subtractingReportingOverflow(amount) : shifted.addingReportingOverflow(amount)
            guard !shiftOverflow && !addOverflow else { return nil }
            value = next
        }
        for _ in 0..<scale {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = shifted
        }
        return value
    }
}
