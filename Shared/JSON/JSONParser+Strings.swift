extension JSONParser {
    /// Reads the string whose opening quote is at `position`. Strings without escapes are decoded
    /// straight from the input; the others are assembled in a byte buffer.
    mutating func parseString() throws(JSONError) -> String {
        let openingQuote = position
        position += 1
        let contentStart = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == ASCII.quote {
                try checkStringLength(position - contentStart, openingQuote: openingQuote)
                let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<position])
                position += 1
                return String(decoding: content, as: UTF8.self)
            }
            if byte == ASCII.backslash {
                var decoded = Array(UnsafeBufferPointer(rebasing: bytes[contentStart..<position]))
                return try parseEscapedString(into: &decoded, openingQuote: openingQuote)
            }
            try advanceOverContentByte(byte)
        }
        throw JSONError(.unterminatedString, offset: openingQuote)
    }

    private mutating func parseEscapedString(
        into decoded: inout [UInt8], openingQuote: Int
    ) throws(JSONError) -> String {
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case ASCII.quote:
                try checkStringLength(decoded.count, openingQuote: openingQuote)
                position += 1
                return String(decoding: decoded, as: UTF8.self)
            case ASCII.backslash:
                try appendEscape(into: &decoded, openingQuote: openingQuote)
                if decoded.count > limits.maxStringBytes {
                    throw JSONError(.stringTooLong(limit: limits.maxStringBytes), offset: openingQuote)
                }
            default:
                let start = position
                try advanceOverContentByte(byte)
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
            }
        }
        throw JSONError(.unterminatedString, offset: openingQuote)
    }

    /// Steps over one unescaped character of string content: ASCII other than controls, or a whole
    /// valid UTF-8 sequence.
    private mutating func advanceOverContentByte(_ byte: UInt8) throws(JSONError) {
        if byte < 0x20 { throw JSONError(.controlCharacter(byte), offset: position) }
        if byte < 0x80 {
            position += 1
            return
        }
        guard let end = UTF8Coding.endOfSequence(in: bytes, at: position) else {
            throw JSONError(.invalidUTF8, offset: position)
        }
        position = end
    }

    private func checkStringLength(_ length: Int, openingQuote: Int) throws(JSONError) {
        if length > limits.maxStringBytes {
            throw JSONError(.stringTooLong(limit: limits.maxStringBytes), offset: openingQuote)
        }
    }

    /// Decodes the escape at `position` (a backslash) and appends its UTF-8 bytes.
    private mutating func appendEscape(into decoded: inout [UInt8], openingQuote: Int) throws(JSONError) {
        let escapeStart = position
        guard position + 1 < bytes.count else { throw JSONError(.unterminatedString, offset: openingQuote) }
        let replacement: UInt8
        switch bytes[position + 1] {
        case ASCII.quote: replacement = ASCII.quote
        case ASCII.backslash: replacement = ASCII.backslash
        case ASCII.slash: replacement = ASCII.slash
        case ASCII.lowerB: replacement = 0x08
        case ASCII.lowerF: replacement = 0x0C
        case ASCII.lowerN: replacement = ASCII.lineFeed
        case ASCII.lowerR: replacement = ASCII.carriageReturn
        case ASCII.lowerT: replacement = ASCII.tab
        case ASCII.lowerU:
            let scalar = try readUnicodeEscape(openingQuote: openingQuote)
            UTF8Coding.append(scalar, to: &decoded)
            return
        default:
            throw JSONError(.invalidEscape, offset: escapeStart)
        }
        decoded.append(replacement)
        position += 2
    }

    /// Reads `\uXXXX`, or a surrogate pair `\uD8xx\uDCxx`, at `position`.
    private mutating func readUnicodeEscape(openingQuote: Int) throws(JSONError) -> Unicode.Scalar {
        let escapeStart = position
        let first = try readHexCodeUnit(openingQuote: openingQuote)
        switch first {
        case 0xD800...0xDBFF:
            guard position + 1 < bytes.count, bytes[position] == ASCII.backslash, bytes[position + 1] == ASCII.lowerU
            else { throw JSONError(.loneSurrogate, offset: escapeStart) }
            let second = try readHexCodeUnit(openingQuote: openingQuote)
            guard (0xDC00...0xDFFF).contains(second) else { throw JSONError(.loneSurrogate, offset: escapeStart) }
            let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw JSONError(.loneSurrogate, offset: escapeStart) }
            return scalar
        case 0xDC00...0xDFFF:
            throw JSONError(.loneSurrogate, offset: escapeStart)
        default:
            guard let scalar = Unicode.Scalar(first) else { throw JSONError(.invalidEscape, offset: escapeStart) }
            return scalar
        }
    }

    /// Reads the four hex digits of a `\u` escape at `position` (its backslash) and steps past them.
    private mutating func readHexCodeUnit(openingQuote: Int) throws(JSONError) -> UInt32 {
        let escapeStart = position
        var value: UInt32 = 0
        for index in (position + 2)..<(position + 6) {
            guard index < bytes.count else { throw JSONError(.unterminatedString, offset: openingQuote) }
            guard let digit = ASCII.hexValue(bytes[index]) else { throw JSONError(.invalidEscape, offset: escapeStart) }
            value = value << 4 | digit
        }
        position += 6
        return value
    }
}
