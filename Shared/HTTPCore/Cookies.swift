/// The `name=value` pairs of one `Cookie` field value (`a=1; b="two"`), in order: pieces without
/// `=` or with a name that is not a token are skipped, values are trimmed and unquoted.
public func cookiePairs(_ fieldValue: String) -> [(name: String, value: String)] {
    var pairs: [(name: String, value: String)] = []
    for piece in fieldValue.split(separator: ";") {
        guard let equals = piece.firstIndex(of: "=") else { continue }
        let name = piece[..<equals].trimmingASCIISpaces()
        guard HTTPGrammar.isToken(name) else { continue }
        var value = piece[piece.index(after: equals)...].trimmingASCIISpaces()
        if value.count >= 2 && value.first == "\"" && value.last == "\"" {
            value = value.dropFirst().dropLast()
        }
        pairs.append((name: String(name), value: String(value)))
    }
    return pairs
}

extension HTTPRequest {
    /// The cookies of every `Cookie` field; when a name occurs more than once the first one wins.
    public var cookies: [String: String] {
        var cookies: [String: String] = [:]
        for field in headers.values("Cookie") {
            for pair in cookiePairs(field) where cookies[pair.name] == nil {
                cookies[pair.name] = pair.value
            }
        }
        return cookies
    }
}
