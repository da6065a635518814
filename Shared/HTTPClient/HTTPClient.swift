import EventLoops
import HTTPCore
import Synchronization

/// The client for calls inside the mesh: a keep-alive pool per upstream, connect and response
/// deadlines, typed errors, and a retry only where it cannot apply a request twice.
public final class HTTPClient: Sendable {
    public let configuration: HTTPClientConfiguration
    private let group: EventLoopGroup
    private let pools = Mutex<[Upstream: ConnectionPool]>([:])

    public init(group: EventLoopGroup, configuration: HTTPClientConfiguration = .init()) {
        self.group = group
        self.configuration = configuration
    }

    /// Sends `request` to `upstream` and returns its whole response. A request is sent again on a
    /// fresh connection once when the first try provably did not reach the peer, or when it failed
    /// on a broken connection and is idempotent (`GET`, `HEAD`, `PUT`, `DELETE`, `OPTIONS`, or an
    /// `Idempotency-Key` header). Without a `timeout` the deadline grows with the body's size.
    public func send(
        _ request: HTTPRequest, to upstream: Upstream, timeout: Duration? = nil
    ) async throws(HTTPClientError) -> HTTPResponse {
        let pool = try pool(for: upstream)
        let milliseconds =
            timeout.map { Int($0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000) }
            ?? configuration.responseTimeoutMilliseconds(forBodyBytes: request.body.count)
        let deadline = MonotonicClock.deadline(afterMilliseconds: milliseconds)
        var bytes: [UInt8] = []
        request.serialize(into: &bytes, host: upstream.description)
        let retryable = Self.isIdempotent(request)
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await exchange(bytes, isHEAD: request.method == .head, deadline: deadline, pool: pool)
            } catch {
                let again = error.requestNotSent || (retryable && error.kind == .connectionReset)
                if attempt >= 2 || !again || error.kind == .shutdown || error.isTimeout
                    || MonotonicClock.now() >= deadline
                {
                    throw error
                }
            }
        }
    }

    private func exchange(
        _ bytes: [UInt8], isHEAD: Bool, deadline: UInt64, pool: ConnectionPool
    ) async throws(HTTPClientError) -> HTTPResponse {
        let connection = try await pool.acquire()
        let (result, reusable) = await withCheckedContinuation {
            (continuation: CheckedContinuation<(Result<HTTPResponse, HTTPClientError>, Bool), Never>) in
            connection.loop.execute {
                connection.exchange(bytes, isHEAD: isHEAD, deadline: deadline) {
                    continuation.resume(returning: ($0, $1))
                }
            }
        }
        switch result {
        case .success(let response):
            pool.release(connection, reusable: reusable)
            return response
        case .failure(let error):
            pool.release(connection, reusable: false)
            throw error
        }
    }

    static func isIdempotent(_ request: HTTPRequest) -> Bool {
        switch request.method {
        case .get, .head, .put, .delete, .options: true
        default: request.headers.contains("Idempotency-Key")
        }
    }

    private func pool(for upstream: Upstream) throws(HTTPClientError) -> ConnectionPool {
        if let existing = pools.withLock({ $0[upstream] }) { return existing }
        let address: SocketAddress
        do {
            address = try SocketAddress(host: upstream.host, port: upstream.port)
        } catch {
            throw HTTPClientError(
                .invalidUpstream, upstream: upstream.description, detail: "\(error)", requestNotSent: true)
        }
        return pools.withLock { pools in
            if let existing = pools[upstream] { return existing }
            let created = ConnectionPool(
                upstream: upstream, address: address, group: group, configuration: configuration)
            pools[upstream] = created
            return created
        }
    }

    /// Pool sizes per upstream, for metrics.
    public var poolCounts: [(upstream: String, open: Int, idle: Int, waiting: Int)] {
        pools.withLock { Array($0.values) }.map {
            let counts = $0.counts
            return (upstream: $0.upstream.description, open: counts.total, idle: counts.idle, waiting: counts.waiting)
        }
    }

    /// Closes every idle connection and refuses further calls.
    public func shutdown() {
        for pool in pools.withLock({ Array($0.values) }) { pool.close() }
    }
}
