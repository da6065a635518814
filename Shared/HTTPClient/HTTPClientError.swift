/// Why a call to another service failed, and whether the request may have reached it.
public struct HTTPClientError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: String, Sendable, Equatable {
        /// Nothing listens there (connection refused or host unreachable).
        case connectionRefused
        /// The connection was not established within the connect timeout.
        case connectTimeout
        /// No whole response arrived within the response deadline.
        case responseTimeout
        /// The peer closed or reset the connection during the exchange.
        case connectionReset
        /// The peer's answer did not parse as HTTP.
        case malformedResponse
        /// Every pooled connection stayed busy for the whole wait.
        case poolExhausted
        /// The client was shut down.
        case shutdown
        /// The upstream address could not be resolved or is invalid.
        case invalidUpstream
    }

    public let kind: Kind
    /// `host:port` of the upstream.
    public let upstream: String
    public let detail: String
    /// True when no byte of the request was sent, so it is safe to send again.
    public let requestNotSent: Bool

    public init(_ kind: Kind, upstream: String, detail: String = "", requestNotSent: Bool = false) {
        self.kind = kind
        self.upstream = upstream
        self.detail = detail
        self.requestNotSent = requestNotSent
    }

    public var description: String {
        "\(kind.rawValue) calling \(upstream)" + (detail.isEmpty ? "" : ": \(detail)")
    }

    /// A deadline of the call ran out.
    public var isTimeout: Bool { kind == .connectTimeout || kind == .responseTimeout || kind == .poolExhausted }
}
