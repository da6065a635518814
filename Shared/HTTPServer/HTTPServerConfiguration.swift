import EventLoops
import HTTPCore

/// Where a server listens and the limits it enforces on every connection.
public struct HTTPServerConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    /// 0 picks a free port; `HTTPServer.start()` returns the one bound.
    public var port: Int = 8080
    public var limits = HTTPParserLimits()
    /// The largest body any route may allow (per-route limits are clamped to it).
    public var maxBodyCeiling: Int = 10 * 1024 * 1024
    /// Time to receive a whole request head once its first byte arrived (408 and close after).
    public var headerTimeoutMilliseconds: Int = 10_000
    /// Time to receive a whole body once the head arrived.
    public var bodyTimeoutMilliseconds: Int = 30_000
    /// How long an idle keep-alive connection stays open.
    public var idleTimeoutMilliseconds: Int = 75_000
    /// Time allowed for a response to drain to a slow reader.
    public var writeTimeoutMilliseconds: Int = 30_000
    public var maxConnections: Int = 20_000
    /// Open connections accepted from one client address (0: no limit); beyond it a 503 and close.
    public var maxConnectionsPerAddress: Int = 0
    public var maxRequestsPerConnection: Int = 10_000
    /// Requests read ahead on one connection while an earlier one is answered.
    public var maxPipelinedRequests: Int = 16

    public init() {}
}
