import EventLoops

/// The bookkeeping of a `PostgresPool`, only touched under the pool's lock.
struct PoolState {
    /// A request waiting for a connection, resumed in arrival order.
    struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<PoolLease, any Error>
        let since: ContinuousClock.Instant
        let timer: Task<Void, Never>
    }

    var idle: [PostgresConnection] = []
    /// Connections that exist: idle, lent out, or being closed.
    var openCount = 0
    var waiters: [Waiter] = []
    var isClosed = false
    var drainWaiters: [CheckedContinuation<Void, Never>] = []
    private var lastConnectionID = 0
    private var lastWaiterID = 0

    var acquisitions = 0
    var waits = 0
    var totalWaitTime = Duration.zero
    var timeouts = 0

    /// The most recently returned idle connection on `loop`, or else the most recently returned one.
    mutating func takeIdle(preferring loop: EventLoop?) -> PostgresConnection? {
        if let loop, let index = idle.lastIndex(where: { $0.loop === loop }) { return idle.remove(at: index) }
        return idle.popLast()
    }

    mutating func makeConnectionID() -> Int {
        lastConnectionID += 1
        return lastConnectionID
    }

    mutating func makeWaiterID() -> Int {
        lastWaiterID += 1
        return lastWaiterID
    }

    /// Removes the waiter `id` if it is still waiting, adding its wait to the totals.
    mutating func removeWaiter(_ id: Int) -> Waiter? {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
        let waiter = waiters.remove(at: index)
        totalWaitTime += ContinuousClock.now - waiter.since
        return waiter
    }

    /// Takes the longest-waiting request and counts it as served.
    mutating func serveFirstWaiter() -> Waiter? {
        guard !waiters.isEmpty else { return nil }
        let waiter = waiters.removeFirst()
        totalWaitTime += ContinuousClock.now - waiter.since
        acquisitions += 1
        return waiter
    }

    /// The continuations of `close()` calls, once every connection is gone.
    mutating func takeDrainWaitersIfDrained() -> [CheckedContinuation<Void, Never>] {
        guard isClosed, openCount == 0 else { return [] }
        defer { drainWaiters = [] }
        return drainWaiters
    }

    func stats(maximumSize: Int) -> PostgresPoolStats {
        PostgresPoolStats(
            maximumSize: maximumSize, size: openCount, idle: idle.count, inUse: openCount - idle.count,
            waiting: waiters.count, totalAcquisitions: acquisitions, totalWaits: waits,
            totalWaitTime: totalWaitTime, timeouts: timeouts)
    }
}

/// A connection lent out by the pool; `wasIdle` tells whether it sat idle in the pool before (and may be
/// stale after a server restart) rather than being new or handed over straight from another request.
struct PoolLease: Sendable {
    let connection: PostgresConnection
    let wasIdle: Bool
}
