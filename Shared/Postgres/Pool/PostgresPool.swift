import EventLoops
import Synchronization

/// A bounded pool of PostgreSQL connections shared by one service.
///
/// Connections open lazily, on the first statement that needs them, up to `configuration.poolSize`. Each runs
/// on one event loop with libpq's non-blocking calls, so many connections share few threads. When all are in
/// use, requests wait in arrival order for up to `poolWaitTimeout` and then fail with `.poolTimeout`. A
/// connection that shows a connection error leaves the pool and is closed, together with the idle connections
/// (a server restart ends them all); an idle connection the server closes leaves the pool as soon as the loop
/// notices. Later requests open fresh connections, so the service recovers from a database restart without
/// restarting itself. A single statement is re-sent only when it provably never reached the server (see
/// `query(_:)`). After `close()` every call fails with `.poolClosed`.
public final class PostgresPool: PostgresQueryable {
    /// The settings the pool was created with.
    public let configuration: PostgresConfiguration
    private let maximumSize: Int
    private let loops: PoolLoops
    private let state = Mutex(PoolState())

    /// A pool whose connections run on the loops of `group`: a new connection opens on the caller's loop when the
    /// caller runs on one of them (a task preferring that loop), otherwise on the next one round robin. Close the
    /// pool before shutting the group down.
    public init(configuration: PostgresConfiguration, group: EventLoopGroup) {
        self.configuration = configuration
        maximumSize = max(1, configuration.poolSize)
        loops = .shared(group)
    }

    /// A pool with a private event loop group of one thread, started with the first connection and shut down by
    /// `close()`. One loop thread carries many connections, since it never waits for the server; give the pool a
    /// shared group with `init(configuration:group:)` to use more, or to let callers running on those loops reach
    /// PostgreSQL without a thread hop.
    public init(configuration: PostgresConfiguration) {
        self.configuration = configuration
        maximumSize = max(1, configuration.poolSize)
        loops = .owned(PrivateLoopGroup())
    }

    deinit {
        guard case let .owned(group) = loops else { return }
        Task { await group.shutdown() }
    }

    /// The pool's current counters.
    public var stats: PostgresPoolStats {
        state.withLock { $0.stats(maximumSize: maximumSize) }
    }

    /// Rejects new work, fails waiting requests with `.poolClosed`, and returns once every connection, including
    /// those lent out at the time of the call, has been returned and closed.
    public func close() async {
        let (idle, waiters) = state.withLock { state in
            state.isClosed = true
            defer {
                state.idle = []
                state.waiters = []
            }
            return (state.idle, state.waiters)
        }
        for waiter in waiters {
            waiter.timer.cancel()
            waiter.continuation.resume(throwing: PostgresError(.poolClosed))
        }
        for connection in idle { await connection.close() }
        let drained = state.withLock { state in
            state.openCount -= idle.count
            return state.takeDrainWaitersIfDrained()
        }
        for waiter in drained { waiter.resume() }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let isDrained = state.withLock { state in
                if state.openCount == 0 { return true }
                state.drainWaiters.append(continuation)
                return false
            }
            if isDrained { continuation.resume() }
        }
        if case let .owned(group) = loops { await group.shutdown() }
    }

    /// Takes a connection: an idle one (preferably on the caller's own event loop), a new one while below the size
    /// limit, or the next one returned.
    func acquire() async throws -> PoolLease {
        let callerLoop = loops.current
        // Without waiting when a connection is at hand; the waiting path below decides again under the lock.
        let immediate = state.withLock { state in takeWithoutWaiting(&state, preferring: callerLoop) }
        switch immediate {
        case let .lend(lease):
            return lease
        case let .open(id):
            return makeLease(id: id)
        case let .fail(error):
            throw error
        case .wait, nil:
            break
        }
        let waiterID = state.withLock { $0.makeWaiterID() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<PoolLease, any Error>) in
                let since = ContinuousClock.now
                let decision = state.withLock { state -> AcquireDecision in
                    if let decision = takeWithoutWaiting(&state, preferring: callerLoop) { return decision }
                    if Task.isCancelled { return .fail(CancellationError()) }
                    state.waits += 1
                    state.waiters.append(
                        PoolState.Waiter(
                            id: waiterID, continuation: continuation, since: since, timer: startTimer(for: waiterID)))
                    return .wait
                }
                switch decision {
                case let .lend(lease):
                    continuation.resume(returning: lease)
                case let .open(id):
                    continuation.resume(returning: makeLease(id: id))
                case let .fail(error):
                    continuation.resume(throwing: error)
                case .wait:
                    break
                }
            }
        } onCancel: {
            self.endWait(waiterID, throwing: CancellationError(), isTimeout: false)
        }
    }

    /// A closed pool's failure, an idle connection, or a place for a new one; nil when the caller has to wait.
    private func takeWithoutWaiting(_ state: inout PoolState, preferring loop: EventLoop?) -> AcquireDecision? {
        if state.isClosed { return .fail(PostgresError(.poolClosed)) }
        if let connection = state.takeIdle(preferring: loop) {
            state.acquisitions += 1
            return .lend(PoolLease(connection: connection, wasIdle: true))
        }
        if state.openCount < maximumSize {
            state.openCount += 1
            state.acquisitions += 1
            return .open(id: state.makeConnectionID())
        }
        return nil
    }

    /// Returns a lent connection. A connection left inside a transaction is rolled back first; a broken one is
    /// closed together with the idle connections, and its place goes to a new connection for the next waiter.
    func release(_ connection: PostgresConnection) async {
        var health = connection.health
        if health.isUsable && health.isInTransaction {
            _ = try? await connection.runSimple("ROLLBACK")
            health = connection.health
        }
        let isReusable = health.isUsable && !health.isInTransaction
        let handOff = state.withLock { state -> HandOff in
            guard isReusable, !state.isClosed else { return .close }
            if let waiter = state.serveFirstWaiter() { return .toWaiter(waiter) }
            state.idle.append(connection)
            return .toIdle
        }
        switch handOff {
        case let .toWaiter(waiter):
            waiter.timer.cancel()
            waiter.continuation.resume(returning: PoolLease(connection: connection, wasIdle: false))
        case .toIdle:
            break
        case .close:
            await retire(connection, evictingIdle: !isReusable)
        }
    }

    /// Closes a connection that leaves the pool, then gives its place to waiting requests.
    private func retire(_ connection: PostgresConnection, evictingIdle: Bool) async {
        var evicted: [PostgresConnection] = []
        if evictingIdle {
            evicted = state.withLock { state in
                defer { state.idle = [] }
                return state.idle
            }
        }
        await connection.close()
        for idle in evicted { await idle.close() }
        let (served, drained) = state.withLock { state in
            state.openCount -= 1 + evicted.count
            var served: [(PoolState.Waiter, Int)] = []
            while !state.isClosed, state.openCount < maximumSize, let waiter = state.serveFirstWaiter() {
                state.openCount += 1
                served.append((waiter, state.makeConnectionID()))
            }
            return (served, state.takeDrainWaitersIfDrained())
        }
        for (waiter, id) in served {
            waiter.timer.cancel()
            waiter.continuation.resume(returning: makeLease(id: id))
        }
        for waiter in drained { waiter.resume() }
    }

    /// Takes out of the pool an idle connection that the server closed, as soon as its loop noticed.
    private func discardIdleConnection(id: Int) {
        let connection = state.withLock { state -> PostgresConnection? in
            guard let index = state.idle.firstIndex(where: { $0.id == id }) else { return nil }
            return state.idle.remove(at: index)
        }
        guard let connection else { return }
        Task { await retire(connection, evictingIdle: false) }
    }

    private func makeLease(id: Int) -> PoolLease {
        let connection = PostgresConnection(id: id, configuration: configuration, loop: loops.currentOrNext()) {
            [weak self] in self?.discardIdleConnection(id: id)
        }
        return PoolLease(connection: connection, wasIdle: false)
    }

    private func startTimer(for waiterID: Int) -> Task<Void, Never> {
        let timeout = configuration.poolWaitTimeout
        return Task { [weak self] in
            do {
                try await Task.sleep(for: timeout)
            } catch {
                return
            }
            self?.endWait(waiterID, throwing: PostgresError(.poolTimeout(waited: timeout)), isTimeout: true)
        }
    }

    /// Ends a wait that timed out or was cancelled, if the request is still waiting.
    private func endWait(_ waiterID: Int, throwing error: any Error, isTimeout: Bool) {
        let waiter = state.withLock { state in
            let waiter = state.removeWaiter(waiterID)
            if waiter != nil && isTimeout { state.timeouts += 1 }
            return waiter
        }
        guard let waiter else { return }
        waiter.timer.cancel()
        waiter.continuation.resume(throwing: error)
    }

    private enum AcquireDecision {
        case lend(PoolLease)
        case open(id: Int)
        case fail(any Error)
        case wait
    }

    private enum HandOff {
        case toWaiter(PoolState.Waiter)
        case toIdle
        case close
    }
}
