/// The parts of a request line, with the target reduced to origin form.
struct RequestLine: Sendable {
    var method: HTTPMethod
    /// Path and query (`/a?b=1`), or `*` for a server-wide OPTIONS.
    var target: String
    var version: HTTPVersion
    /// The host and port of an absolute-form target (`http://host:port/path`), which replaces `Host`.
    var authority: String?
}

/// Parses `method SP request-target SP HTTP-version` (RFC 9112 section 3) strictly: single spaces,
/// a token method, a target of visible ASCII without a fragment, in origin form (`/path?query`),
/// absolute form (`http://host/path`, reduced to its path and query) or `*` (OPTIONS only).
enum RequestLineParser {
    static func parse(_ line: UnsafeBufferPointer<UInt8>) -> Result<RequestLine, HTTPParseError> {
        guard let firstSpace = line.firstIndex(of: HTTPGrammar.space) else {
            return .failure(.malformed("the request line has no spaces; expected: method SP target SP version"))
        }
        guard let secondSpace = line[(firstSpace + 1)...].firstIndex(of: HTTPGrammar.space) else {
            return .failure(.malformed("the request line lacks the protocol version"))
        }
        let methodBytes = line[0..<firstSpace]
        let targetBytes = UnsafeBufferPointer(rebasing: line[(firstSpace + 1)..<secondSpace])
        let versionBytes = UnsafeBufferPointer(rebasing: line[(secondSpace + 1)...])
        guard !methodBytes.isEmpty, methodBytes.allSatisfy(HTTPGrammar.isTokenByte) else {
            return .failure(.malformed("the request method is not a token"))
        }
        let method = HTTPMethod(String(decoding: UnsafeBufferPointer(rebasing: methodBytes), as: UTF8.self))
        if versionBytes.contains(HTTPGrammar.space) {
            return .failure(.malformed("the request line has more than two spaces"))
        }
        let version: HTTPVersion
        switch HTTPVersionParser.parse(versionBytes) {
        case .success(let parsed): version = parsed
        case .failure(let error): return .failure(error)
        }
        guard !targetBytes.isEmpty else { return .failure(.malformed("the request target is empty")) }
        for byte in targetBytes where byte <= 0x20 || byte >= 0x7F || byte == UInt8(ascii: "#") {
            return .failure(.malformed("the request target contains a control, space, non-ASCII byte or '#'"))
        }
        let target = String(decoding: targetBytes, as: UTF8.self)
        if target.utf8.first == UInt8(ascii: "/") {
            return .success(RequestLine(method: method, target: target, version: version, authority: nil))
        }
        if target == "*" {
            guard method == .options else {
                return .failure(.malformed("the asterisk target is only allowed with OPTIONS"))
            }
            return .success(RequestLine(method: method, target: target, version: version, authority: nil))
        }
        guard let (authority, originForm) = splitAbsoluteForm(target) else {
            return .failure(.malformed("the request target must start with '/', be 'http://…' or be '*'"))
        }
        return .success(RequestLine(method: method, target: originForm, version: version, authority: authority))
    }

    /// Splits `http://host:port/path?query` into the authority and `/path?query`; nil when the target
    /// is not an absolute http(s) URI with a host and without user information.
    private static func splitAbsoluteForm(_ target: String) -> (authority: String, originForm: String)? {
        let rest: Substring
        if target.prefix(7).equalsIgnoringASCIICase("http://") {
            rest = target.dropFirst(7)
        } else if target.prefix(8).equalsIgnoringASCIICase("https://") {
            rest = target.dropFirst(8)
        } else {
            return nil
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        let pathAndQuery = rest[authorityEnd...]
        let originForm = pathAndQuery.first == "/" ? String(pathAndQuery) : "/" + pathAndQuery
        return (String(authority), originForm)
    }
}
