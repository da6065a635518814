/// A snapshot of a pool's counters, for `/metrics`.
public struct PostgresPoolStats: Equatable, Sendable {
    /// The most connections the pool opens.
    public let maximumSize: Int
    /// Connections currently open or opening (idle plus in use).
    public let size: Int
    /// Open connections waiting in the pool.
    public let idle: Int
    /// Connections lent out.
    public let inUse: Int
    /// Requests waiting for a connection right now.
    public let waiting: Int
    /// Connections handed out since the pool started.
    public let totalAcquisitions: Int
    /// Requests that had to wait because every connection was in use.
    public let totalWaits: Int
    /// Time spent by all requests that waited (served, timed out, or cancelled).
    public let totalWaitTime: Duration
    /// Requests that gave up after `poolWaitTimeout`.
    public let timeouts: Int
}
