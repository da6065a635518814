/// Where the parts of one number token lie in the bytes it was scanned from.
struct JSONNumberParts {
    /// The offset just past the token.
    var end: Int
    var isNegative: Bool
    var integerDigits: Range<Int>
    /// Empty when the number has no fraction.
    var fractionDigits: Range<Int>
    /// Zero when the number has no exponent.
    var exponent: Int
    var hasExponent: Bool
}

/// The number production of RFC 8259: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
enum JSONNumberGrammar {
    /// Scans the longest number token starting at `start`; what follows it is the caller's concern.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(JSONError) -> JSONNumberParts {
        let count = bytes.count
        var index = start
        let isNegative = index < count && bytes[index] == ASCII.minus
        if isNegative { index += 1 }
        let integerStart = index
        guard index < count, ASCII.isDigit(bytes[index]) else {
            throw JSONError(.invalidNumber(isNegative ? "a digit must follow '-'" : "expected a digit"), offset: index)
        }
        if bytes[index] == ASCII.zero {
            index += 1
            if index < count && ASCII.isDigit(bytes[index]) { throw JSONError(.leadingZero, offset: index - 1) }
        } else {
            while index < count && ASCII.isDigit(bytes[index]) { index += 1 }
        }
        let integerDigits = integerStart..<index

        var fractionDigits = index..<index
        if index < count && bytes[index] == ASCII.period {
            index += 1
            let fractionStart = index
            while index < count && ASCII.isDigit(bytes[index]) { index += 1 }
            guard index > fractionStart else {
                throw JSONError(.invalidNumber("a digit must follow '.'"), offset: index)
            }
            fractionDigits = fractionStart..<index
        }

        var exponent = 0
        var hasExponent = false
        if index < count && (bytes[index] == ASCII.lowerE || bytes[index] == ASCII.upperE) {
            hasExponent = true
            index += 1
            var exponentIsNegative = false
            if index < count && (bytes[index] == ASCII.plus || bytes[index] == ASCII.minus) {
                exponentIsNegative = bytes[index] == ASCII.minus
                index += 1
            }
            let exponentStart = index
            var magnitude = 0
            while index < count && ASCII.isDigit(bytes[index]) {
                magnitude = min(magnitude * 10 + Int(bytes[index] - ASCII.zero), JSONNumber.maxExponentMagnitude + 1)
                index += 1
            }
            guard index > exponentStart else {
                throw JSONError(.invalidNumber("the exponent needs a digit"), offset: index)
            }
            guard magnitude <= JSONNumber.maxExponentMagnitude else {
                throw JSONError(.numberOutOfRange, offset: start)
            }
            exponent = exponentIsNegative ? -magnitude : magnitude
        }
        return JSONNumberParts(
            end: index, isNegative: isNegative, integerDigits: integerDigits, fractionDigits: fractionDigits,
            exponent: exponent, hasExponent: hasExponent)
    }

    /// The parts of `text` when all of it is one number token, else nil.
    static func parts(ofWhole text: String) -> (bytes: [UInt8], parts: JSONNumberParts)? {
        let bytes = Array(text.utf8)
        let scanned: JSONNumberParts? = bytes.withUnsafeBufferPointer { buffer in
            guard let parts = try? scan(buffer, from: 0), parts.end == buffer.count else { return nil }
            return parts
        }
        return scanned.map { (bytes, $0) }
    }
}
