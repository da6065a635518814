extension JSONParser {
    /// Reads the literal `word` (`true`, `false` or `null`).
    mutating func parseLiteral(_ word: StaticString, _ value: JSONValue) throws(JSONError) -> JSONValue {
        let length = word.utf8CodeUnitCount
        guard position + length <= bytes.count else {
            let available = UnsafeBufferPointer(start: word.utf8Start, count: bytes.count - position)
            if bytes[position...].elementsEqual(available) {
                throw JSONError(.unexpectedEnd(expected: "'\(word)'"), offset: bytes.count)
            }
            throw JSONError(.invalidLiteral, offset: position)
        }
        for index in 0..<length where bytes[position + index] != word.utf8Start[index] {
            throw JSONError(.invalidLiteral, offset: position)
        }
        position += length
        return value
    }

    mutating func parseNumber() throws(JSONError) -> JSONNumber {
        let parts = try JSONNumberGrammar.scan(bytes, from: position)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<parts.end]), as: UTF8.self)
        position = parts.end
        return JSONNumber(validatedText: text)
    }
}
