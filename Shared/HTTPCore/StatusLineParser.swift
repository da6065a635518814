/// The parts of a status line.
struct StatusLine: Sendable {
    var version: HTTPVersion
    var code: Int
    /// The reason phrase as sent; empty when absent.
    var reason: String
}

/// Parses `HTTP-version SP 3DIGIT [ SP reason-phrase ]` (RFC 9112 section 4). The space before an
/// empty reason may be missing; the reason may hold tabs, spaces, visible ASCII and obs-text.
enum StatusLineParser {
    static func parse(_ line: UnsafeBufferPointer<UInt8>) -> Result<StatusLine, HTTPParseError> {
        guard line.count >= 12, line[8] == HTTPGrammar.space else {
            return .failure(.malformed("the status line is not of the form HTTP/1.1 200 Reason"))
        }
        let version: HTTPVersion
        switch HTTPVersionParser.parse(UnsafeBufferPointer(rebasing: line[0..<8])) {
        case .success(let parsed): version = parsed
        case .failure(let error): return .failure(error)
        }
        let digits = line[9..<12]
        guard digits.allSatisfy(HTTPGrammar.isDigit), let first = digits.first,
            first >= UInt8(ascii: "1") && first <= UInt8(ascii: "5")
        else {
            return .failure(.malformed("the status code is not three digits from 100 to 599"))
        }
        let code = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        if line.count == 12 { return .success(StatusLine(version: version, code: code, reason: "")) }
        guard line[12] == HTTPGrammar.space else {
            return .failure(.malformed("the status code is not followed by a space"))
        }
        let reasonBytes = UnsafeBufferPointer(rebasing: line[13...])
        guard reasonBytes.allSatisfy(HTTPGrammar.isFieldValueByte) else {
            return .failure(.malformed("the reason phrase contains a control character"))
        }
        return .success(StatusLine(version: version, code: code, reason: String(decoding: reasonBytes, as: UTF8.self)))
    }
}
