import HTTPClient
import HTTPCore
import HTTPSClient

/// Where an outside provider's HTTP API answers, from one configured base URL: `https://host[:port][/path]`
/// for the provider itself (TLS with the system's trusted roots, one connection per request on a blocking
/// thread) or `http://host:port[/path]` for a simulator (through the service's pooled HTTP client). The
/// requests and the reading of the answers are the same for both: only the base URL and the keys differ.
public struct ProviderEndpoint: Sendable, Equatable, CustomStringConvertible {
    public let secure: Bool
    public let host: String
    public let port: Int
    /// The path every request's path is put under: empty or `/name…` without a trailing slash.
    public let basePath: String
    /// The certificate presented over TLS, for the calls of a provider that requires one.
    public var clientCertificate: ClientCertificate?

    /// Reads `url`; a problem names `variable`.
    public init(url: String, variable: String) throws(ConfigurationError) {
        let problem = ConfigurationError(
            variable: variable, problem: "must be http://host:port[/path] or https://host[:port][/path]")
        var rest = Substring(url)
        if rest.hasPrefix("https://") {
            secure = true
            rest = rest.dropFirst("https://".count)
        } else if rest.hasPrefix("http://") {
            secure = false
            rest = rest.dropFirst("http://".count)
        } else {
            throw problem
        }
        let authority = rest.prefix { $0 != "/" }
        var path = rest.dropFirst(authority.count)
        while path.hasSuffix("/") { path = path.dropLast() }
        guard !path.contains("?"), !path.contains("#"), !authority.isEmpty, !authority.contains("@") else {
            throw problem
        }
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            guard let number = Int(authority[authority.index(after: colon)...]), (1...65535).contains(number),
                colon > authority.startIndex
            else { throw problem }
            host = String(authority[..<colon])
            port = number
        } else {
            guard secure else { throw problem }
            host = String(authority)
            port = 443
        }
        guard host.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { throw problem }
        basePath = String(path)
    }

    /// The absolute URL of `path` (which starts with `/`) at this endpoint, as a browser or a provider
    /// calling back reaches it.
    public func url(_ path: String) -> String {
        let standardPort = secure ? 443 : 80
        let authority = port == standardPort ? host : "\(host):\(port)"
        return (secure ? "https://" : "http://") + authority + basePath + path
    }

    public var description: String { url("") }

    /// Sends `request`, whose target is a path under this endpoint (`/pay/unifiedorder?…`), and answers
    /// the whole response; any transport failure is a `ProviderUnreachable`.
    public func send(
        _ request: HTTPRequest, client: HTTPClient, timeout: Duration
    ) async throws(ProviderUnreachable) -> HTTPResponse {
        var request = request
        request.target = basePath + request.target
        let milliseconds =
            Int(timeout.components.seconds * 1000) + Int(timeout.components.attoseconds / 1_000_000_000_000_000)
        if secure {
            var exchange = HTTPSExchange(host: host, port: port, timeoutMilliseconds: milliseconds)
            exchange.clientCertificate = clientCertificate
            let (configured, prepared) = (exchange, request)
            do {
                return try await BlockingWork.run { try configured.send(prepared) }
            } catch {
                throw ProviderUnreachable(endpoint: description, detail: "\(error)")
            }
        }
        do {
            return try await client.send(request, to: Upstream(host: host, port: port), timeout: timeout)
        } catch {
            throw ProviderUnreachable(endpoint: description, detail: "\(error)")
        }
    }
}

/// A provider's API could not be reached or did not answer in time; whether the request took effect is
/// unknown, so callers ask again (an order query) before deciding anything.
public struct ProviderUnreachable: Error, Sendable, CustomStringConvertible {
    public let endpoint: String
    public let detail: String

    public var description: String { "\(endpoint) did not answer: \(detail)" }
}
