import EventLoops
import Synchronization

/// The keep-alive connections to one upstream: at most `maxConnections`, idle ones reused most
/// recently used first (preferring one on the caller's own event loop), callers over the limit wait in order until one frees or time runs out.
final class ConnectionPool: Sendable {
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<ClientConnection, any Error>
    }

    private struct State {
        var idle: [ClientConnection] = []
        var total = 0
        var waiters: [Waiter] = []
        var nextWaiterID: UInt64 = 0
        var closed = false
    }

    let upstream: Upstream
    private let address: SocketAddress
    private let group: EventLoopGroup
    private let configuration: HTTPClientConfiguration
    private let state = Mutex(State())

    init(upstream: Upstream, address: SocketAddress, group: EventLoopGroup, configuration: HTTPClientConfiguration) {
        self.upstream = upstream
        self.address = address
        self.group = group
        self.configuration = configuration
    }

    /// A connection for one exchange; give it back with `release`.
    func acquire() async throws(HTTPClientError) -> ClientConnection {
        enum Step {
            case ready(ClientConnection)
            case create
            case wait
            case closed
        }
        let current = group.current
        let step = state.withLock { state -> Step in
            if state.closed { return .closed }
            if let current, let index = state.idle.lastIndex(where: { $0.loop === current }) {
                return .ready(state.idle.remove(at: index))
            }
            if let connection = state.idle.popLast() { return .ready(connection) }
            if state.total < configuration.maxConnectionsPerUpstream {
                state.total += 1
                return .create
            }
            return .wait
        }
        switch step {
        case .ready(let connection): return connection
        case .create: return makeConnection()
        case .closed: throw HTTPClientError(.shutdown, upstream: upstream.description, requestNotSent: true)
        case .wait: return try await waitForConnection()
        }
    }

    private func waitForConnection() async throws(HTTPClientError) -> ClientConnection {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        let timeout = configuration.poolWaitTimeoutMilliseconds
        let timer = Task { [weak self] in
            try await Task.sleep(for: .milliseconds(timeout))
            self?.expireWaiter(id)
        }
        defer { timer.cancel() }
        do {
            return try await withCheckedThrowingContinuation { continuation in
                let closed = state.withLock { state -> Bool in
                    if state.closed { return true }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return false
                }
                if closed {
                    continuation.resume(
                        throwing: HTTPClientError(.shutdown, upstream: upstream.description, requestNotSent: true))
                }
            }
        } catch let error as HTTPClientError {
            throw error
        } catch {
            throw HTTPClientError(.poolExhausted, upstream: upstream.description, requestNotSent: true)
        }
    }

    private func expireWaiter(_ id: UInt64) {
        let waiter = state.withLock { state -> Waiter? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index)
        }
        waiter?.continuation.resume(
            throwing: HTTPClientError(
                .poolExhausted, upstream: upstream.description,
                detail:
                    "all \(configuration.maxConnectionsPerUpstream) connections busy for \(configuration.poolWaitTimeoutMilliseconds) ms",
                requestNotSent: true))
    }

    /// A new connection on the caller's loop when it runs on one (no thread hop per exchange),
    /// else on the next loop.
    private func makeConnection() -> ClientConnection {
        ClientConnection(
            loop: group.currentOrNext(), upstream: upstream, address: address, configuration: configuration,
            onClose: { [weak self] connection in self?.connectionClosed(connection) })
    }

    /// Returns a connection after an exchange; a broken one is dropped and its slot freed.
    func release(_ connection: ClientConnection, reusable: Bool) {
        if !reusable {
            connection.loop.execute { connection.close() }
            return
        }
        let waiter = state.withLock { state -> Waiter? in
            if state.closed { return nil }
            if !state.waiters.isEmpty { return state.waiters.removeFirst() }
            state.idle.append(connection)
            return nil
        }
        if let waiter {
            waiter.continuation.resume(returning: connection)
        } else if state.withLock({ $0.closed }) {
            connection.loop.execute { connection.close() }
        }
    }

    /// Called once when a connection closes (its loop thread): frees its slot, and lets a waiter
    /// open a fresh connection in its place.
    private func connectionClosed(_ connection: ClientConnection) {
        let waiter = state.withLock { state -> Waiter? in
            state.idle.removeAll { $0 === connection }
            if !state.closed, let first = state.waiters.first {
                state.waiters.removeFirst()
                return first
            }
            state.total -= 1
            return nil
        }
        waiter?.continuation.resume(returning: makeConnection())
    }

    /// Closes idle connections and refuses further calls.
    func close() {
        let (idle, waiters) = state.withLock { state -> ([ClientConnection], [Waiter]) in
            state.closed = true
            defer {
                state.idle = []
                state.waiters = []
            }
            return (state.idle, state.waiters)
        }
        for waiter in waiters {
            waiter.continuation.resume(
                throwing: HTTPClientError(.shutdown, upstream: upstream.description, requestNotSent: true))
        }
        for connection in idle { connection.loop.execute { connection.close() } }
    }

    /// Connections open or opening, and idle ones.
    var counts: (total: Int, idle: Int, waiting: Int) {
        state.withLock { ($0.total, $0.idle.count, $0.waiters.count) }
    }
}
