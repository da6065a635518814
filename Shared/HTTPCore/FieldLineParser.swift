/// Parses one `name: value` field line (RFC 9112 section 5) strictly: the name is a token directly
/// followed by the colon, no obsolete line folding, no control characters in the value, and the value
/// is trimmed of surrounding spaces and tabs.
enum FieldLineParser {
    static func parse(_ line: UnsafeBufferPointer<UInt8>) -> Result<(name: String, value: String), HTTPParseError> {
        guard let first = line.first else { return .failure(.malformed("empty header field line")) }
        if HTTPGrammar.isWhitespace(first) {
            return .failure(.malformed("obsolete line folding (a field line starting with whitespace) is not accepted"))
        }
        guard let colon = line.firstIndex(of: HTTPGrammar.colon) else {
            return .failure(.malformed("header field line without a colon"))
        }
        if colon == 0 { return .failure(.malformed("header field with an empty name")) }
        for index in 0..<colon where !HTTPGrammar.isTokenByte(line[index]) {
            if HTTPGrammar.isWhitespace(line[index]) {
                return .failure(.malformed("whitespace between a header field name and its colon"))
            }
            return .failure(.malformed("header field name contains a byte that is not a token character"))
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: line[0..<colon]), as: UTF8.self)
        var start = colon + 1
        var end = line.count
        while start < end && HTTPGrammar.isWhitespace(line[start]) { start += 1 }
        while end > start && HTTPGrammar.isWhitespace(line[end - 1]) { end -= 1 }
        for index in start..<end where !HTTPGrammar.isFieldValueByte(line[index]) {
            return .failure(.malformed("the value of header field \(name) contains a control character"))
        }
        let value = String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self)
        return .success((name: name, value: value))
    }
}
