import Foundation

/// Parses `postgres://user:password@host:port/database?key=value` (or `postgresql://`) into libpq keywords.
///
/// User, password, host, database, and query values are percent-decoded. Several hosts may be listed with
/// commas (`h1:5432,h2:5433`); IPv6 hosts are written in brackets. Query keys must be libpq keywords.
enum PostgresURLParser {
    static let schemes = ["postgres://", "postgresql://"]

    static func parse(_ url: String) throws -> [String: String] {
        guard let scheme = schemes.first(where: { url.hasPrefix($0) }) else {
            throw invalid("the URL must start with postgres:// or postgresql://")
        }
        var rest = Substring(url.dropFirst(scheme.count))
        if rest.contains("#") { throw invalid("the URL must not contain a fragment ('#')") }
        var parameters: [String: String] = [:]
        if let questionMark = rest.firstIndex(of: "?") {
            try parseQuery(rest[rest.index(after: questionMark)...], into: &parameters)
            rest = rest[..<questionMark]
        }
        var authority = rest
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            let path = rest[rest.index(after: slash)...]
            if path.contains("/") { throw invalid("the database name in the URL path must be a single segment") }
            if !path.isEmpty { parameters["dbname"] = try decode(path, part: "database name") }
        }
        if let at = authority.lastIndex(of: "@") {
            try parseUserInfo(authority[..<at], into: &parameters)
            authority = authority[authority.index(after: at)...]
        }
        try parseHosts(authority, into: &parameters)
        return parameters
    }

    private static func parseUserInfo(_ userInfo: Substring, into parameters: inout [String: String]) throws {
        if let colon = userInfo.firstIndex(of: ":") {
            let user = userInfo[..<colon]
            if !user.isEmpty { parameters["user"] = try decode(user, part: "user name") }
            parameters["password"] = try decode(userInfo[userInfo.index(after: colon)...], part: "password")
        } else if !userInfo.isEmpty {
            parameters["user"] = try decode(userInfo, part: "user name")
        }
    }

    private static func parseHosts(_ authority: Substring, into parameters: inout [String: String]) throws {
        guard !authority.isEmpty else { return }
        var hosts: [String] = []
        var ports: [String] = []
        for entry in authority.split(separator: ",", omittingEmptySubsequences: false) {
            let (host, port) = try splitHostAndPort(entry)
            hosts.append(host)
            ports.append(port ?? "")
        }
        if hosts.contains(where: { !$0.isEmpty }) { parameters["host"] = hosts.joined(separator: ",") }
        if ports.contains(where: { !$0.isEmpty }) { parameters["port"] = ports.joined(separator: ",") }
    }

    private static func splitHostAndPort(_ entry: Substring) throws -> (host: String, port: String?) {
        var hostPart = entry
        var portPart: Substring?
        if entry.hasPrefix("[") {
            guard let close = entry.firstIndex(of: "]") else { throw invalid("an IPv6 host is missing its ']'") }
            hostPart = entry[entry.index(after: entry.startIndex)..<close]
            let afterBracket = entry[entry.index(after: close)...]
            if !afterBracket.isEmpty {
                guard afterBracket.hasPrefix(":") else { throw invalid("unexpected text after the IPv6 host") }
                portPart = afterBracket.dropFirst()
            }
        } else if let colon = entry.lastIndex(of: ":") {
            hostPart = entry[..<colon]
            portPart = entry[entry.index(after: colon)...]
        }
        let host = try decode(hostPart, part: "host")
        guard let portPart else { return (host, nil) }
        guard let port = Int(portPart), (1...65_535).contains(port) else {
            throw invalid("a port in the URL is not a number between 1 and 65535")
        }
        return (host, String(port))
    }

    private static func parseQuery(_ query: Substring, into parameters: inout [String: String]) throws {
        for pair in query.split(separator: "&") {
            guard let equals = pair.firstIndex(of: "=") else {
                throw invalid("a query parameter in the URL has no '=value'")
            }
            let key = try decode(pair[..<equals], part: "query parameter name")
            guard LibPQKeywords.known.contains(key) else {
                throw invalid("unknown connection parameter '\(key)' in the URL query")
            }
            parameters[key] = try decode(pair[pair.index(after: equals)...], part: "value of '\(key)'")
        }
    }

    private static func decode(_ text: Substring, part: String) throws -> String {
        guard let decoded = String(text).removingPercentEncoding else {
            throw invalid("the \(part) has invalid percent-encoding")
        }
        return decoded
    }

    private static func invalid(_ reason: String) -> PostgresError {
        PostgresError(.invalidConfiguration(reason))
    }
}
