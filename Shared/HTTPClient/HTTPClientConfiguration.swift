/// Limits and deadlines of the mesh client.
public struct HTTPClientConfiguration: Sendable {
    /// Most connections kept per upstream (busy and idle together).
    public var maxConnectionsPerUpstream: Int = 64
    public var connectTimeoutMilliseconds: Int = 1_000
    /// Default deadline for a whole response when a call names none.
    public var responseTimeoutMilliseconds: Int = 5_000
    /// Time added to the default deadline for each MiB of request body, so a large upload has the
    /// time it needs to be sent, parsed and passed on (a 7 MiB base64 image: 14 s more by default).
    public var responseMillisecondsPerMiB: Int = 2_000
    /// Longest wait for a free connection when the pool is full.
    public var poolWaitTimeoutMilliseconds: Int = 2_000
    /// Idle connections older than this are closed (shorter than the servers' idle timeout, so
    /// the client never writes into a connection the server is closing).
    public var idleTimeoutMilliseconds: Int = 30_000
    /// Largest response body accepted.
    public var maxResponseBytes: Int = 16 * 1024 * 1024

    public init() {}

    /// The deadline of a call that names none: the response timeout, plus its share for the body size.
    public func responseTimeoutMilliseconds(forBodyBytes bytes: Int) -> Int {
        responseTimeoutMilliseconds + Int((Int64(bytes) * Int64(responseMillisecondsPerMiB)) >> 20)
    }
}
