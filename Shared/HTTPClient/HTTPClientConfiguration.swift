/// Limits and deadlines of the mesh client.
public struct HTTPClientConfiguration: Sendable {
    /// Most connections kept per upstream (busy and idle together).
    public var maxConnectionsPerUpstream: Int = 64
    public var connectTimeoutMilliseconds: Int = 1_000
    /// Default deadline for a whole response when a call names none.
    public var responseTimeoutMilliseconds: Int = 5_000
    /// Longest wait for a free connection when the pool is full.
    public var poolWaitTimeoutMilliseconds: Int = 2_000
    /// Idle connections older than this are closed (shorter than the servers' idle timeout, so
    /// the client never writes into a connection the server is closing).
    public var idleTimeoutMilliseconds: Int = 30_000
    /// Largest response body accepted.
    public var maxResponseBytes: Int = 16 * 1024 * 1024

    public init() {}
}
