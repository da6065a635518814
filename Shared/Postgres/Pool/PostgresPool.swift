import Synchronization

/// A bounded pool of PostgreSQL connections shared by one service.
///
/// Connections open lazily, on the first statement that needs them, up to `configuration.poolSize`. When
/// all are in use, requests wait in arrival order for up to `poolWaitTimeout` and then fail with
/// `.poolTimeout`. A connection that shows a connection error leaves the pool and is closed, together with
/// the idle connections (a server restart ends them all); later requests open fresh connections, so the
/// service recovers from a database restart without restarting itself. A single statement is re-sent only
/// when it provably never reached the server (see `query(_:)`). After `close()` every call fails with
/// `.poolClosed`.
public final class PostgresPool: PostgresQueryable {
    /// The settings the pool was created with.
    public let configuration: PostgresConfiguration
    private let maximumSize: Int
    private let state = Mutex(PoolState())

    public init(configuration: PostgresConfiguration) {
        self.configuration = configuration
        maximumSize = max(1, configuration.poolSize)
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
    }

    /// Takes a connection: an idle one, a new one while below the size limit, or the next one returned.
    func acquire() async throws -> PoolLease {
        let waiterID = state.withLock { $0.makeWaiterID() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<PoolLease, any Error>) in
                let since = ContinuousClock.now
                let decision = state.withLock { state -> AcquireDecision in
                    if state.isClosed { return .fail(PostgresError(.poolClosed)) }
                    if let connection = state.idle.popLast() {
                        state.acquisitions += 1
                        return .lend(PoolLease(connection: connection, wasIdle: true))
                    }
                    if state.openCount < maximumSize {
                        state.openCount += 1
                        state.acquisitions += 1
                        return .open(id: state.makeConnectionID())
                    }
                    if Task.isCancelled { return .fail(CancellationError()) }
                    state.waits += 1
                    state.waiters.append(PoolState.Waiter(
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

    /// Returns a lent connection. A connection left inside a transaction is rolled back first; a broken one is
    /// closed together with the idle connections, and its place goes to a new connection for the next waiter.
    func release(_ connection: PostgresConnection) async {
        if connection.isUsable && connection.isInTransaction {
            _ = try? await connection.runSimple("ROLLBACK")
        }
        let isReusable = connection.isUsable && !connection.isInTransaction
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

    private func makeLease(id: Int) -> PoolLease {
        PoolLease(connection: PostgresConnection(id: id, configuration: configuration), wasIdle: false)
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
