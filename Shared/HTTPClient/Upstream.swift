import EventLoops

/// A service the client talks to: host and port of its internal address.
public struct Upstream: Sendable, Hashable, CustomStringConvertible {
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Reads `http://host:port` (a trailing `/` allowed; no path, no TLS inside the mesh).
    public init(url: String) throws(HTTPClientError) {
        var rest = Substring(url)
        guard rest.hasPrefix("http://") else {
            throw HTTPClientError(.invalidUpstream, upstream: url, detail: "expected http://host:port")
        }
        rest = rest.dropFirst("http://".count)
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]),
            (1...65535).contains(port), colon > rest.startIndex
        else {
            throw HTTPClientError(.invalidUpstream, upstream: url, detail: "expected http://host:port")
        }
        var host = String(rest[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, !host.contains("/") else {
            throw HTTPClientError(.invalidUpstream, upstream: url, detail: "expected http://host:port")
        }
        self.host = host
        self.port = port
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
