import CLibPQ
import CShims
import EventLoops
import Synchronization

/// The libpq connection behind one `PostgresConnection`, driven by socket readiness on one event loop.
///
/// The connection opens on first use (see `ConnectionDriver+Connect`). Requests run one at a time in arrival
/// order; each is a short chain of commands (session setup, prepare, deallocate, execute) sent with libpq's
/// asynchronous calls in non-blocking mode (see `ConnectionDriver+Exchange`). A request for an open, idle
/// connection is sent at once from the calling thread, which spares the loop a wake-up (see
/// `ConnectionDriver+Submit`); everything else, and all reading, happens on the loop, which calls the caller's
/// completion when the results are in. While no
/// request runs, a readable socket means the server sent something on its own, typically the notice that it is
/// ending the session: the connection is marked broken at once and the pool is told. A broken connection stays
/// broken; the pool replaces it. Each `PGresult` is cleared right after its contents are copied.
///
/// Registering and deregistering the socket happen on the loop's thread only; so does `PQfinish`, after the
/// socket left the loop, even when the failure was seen on a calling thread.
// Safe to share: every `var`, the libpq handle included, is read and written only while `lock` is held (the
// `locked` entry points), so one thread at a time uses the handle; completions queued meanwhile run after the
// lock is released. `deinit` runs when no thread holds the driver any more.
final class ConnectionDriver: EventLoopHandler, @unchecked Sendable {
    /// Called once per request with its outcome and the connection's state after it.
    typealias Completion = @Sendable (Result<PostgresRows, PostgresError>, ConnectionHealth) -> Void

    /// A request waiting for its turn or running.
    struct Pending: Sendable {
        let request: ConnectionRequest
        /// Check first that the server did not close the connection while it sat idle in the pool.
        let verifyingIdle: Bool
        let completion: Completion
    }

    enum Phase {
        case unopened
        /// `PQconnectStartParams` runs on a thread of its own.
        case starting
        /// `PQconnectPoll` is driven by socket readiness.
        case connecting
        case open
        case broken(reason: String)
        case closed
    }

    let loop: EventLoop
    let configuration: PostgresConfiguration
    /// Tells the pool that the server closed the connection while nobody was using it.
    let onBreakWhileIdle: @Sendable () -> Void
    let notices = NoticeObserver()
    private let lock = Mutex<Void>(())
    /// Completions to call once the lock is released (rarely more than one), and whether to tell the pool that
    /// the idle connection broke.
    private var firstDelivery: Delivery?
    private var laterDeliveries: [Delivery] = []
    private var brokeWhileIdle = false

    var phase = Phase.unopened
    var handle: OpaquePointer?
    /// The socket registered with the loop, and its registration.
    var socket: Int32 = -1
    var registration: UInt64?
    var interest: UInt32 = 0
    /// Until when opening the connection, session setup included, may take.
    var connectDeadline: UInt64?
    /// The session settings still have to be sent (a new connection).
    var needsSetup = true
    var statements: PreparedStatementCache

    var queue: [Pending] = []
    var active: Pending?
    /// The command whose results are being read, and the commands of `active` still to send after it.
    var inFlight: ExchangeStep?
    var remainingSteps: [ExchangeStep] = []
    var isFlushing = false
    /// A calling thread is sending the first command of `active` without holding the lock (see `submit`); until it
    /// is done, nothing else may use the handle.
    var isSendingElsewhere = false
    /// The socket became readable meanwhile; the sending thread reads the results when it is done.
    var inputArrivedWhileSending = false
    var outcome = StepOutcome()
    /// The rows of `active`'s statement, once its results were read.
    var rows = PostgresRows.empty

    init(loop: EventLoop, configuration: PostgresConfiguration, onBreakWhileIdle: @escaping @Sendable () -> Void) {
        self.loop = loop
        self.configuration = configuration
        self.onBreakWhileIdle = onBreakWhileIdle
        statements = PreparedStatementCache(capacity: configuration.statementCacheCapacity)
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// Runs `body` while holding the lock, then the completions it queued.
    func locked(_ body: () -> Void) {
        let (first, later, brokeWhileIdle) = lock.withLock { _ -> (Delivery?, [Delivery], Bool) in
            body()
            guard let first = firstDelivery else { return (nil, [], takeBreakNotice()) }
            firstDelivery = nil
            defer { laterDeliveries = [] }
            return (first, laterDeliveries, takeBreakNotice())
        }
        first?.run()
        for delivery in later { delivery.run() }
        if brokeWhileIdle { onBreakWhileIdle() }
    }

    /// Queues a call of `completion` with `result` and the connection's current state.
    func deliver(_ completion: @escaping Completion, _ result: Result<PostgresRows, PostgresError>) {
        let delivery = Delivery(completion: completion, result: result, health: health)
        if firstDelivery == nil {
            firstDelivery = delivery
        } else {
            laterDeliveries.append(delivery)
        }
    }

    /// Queues the notice that the server closed the idle connection.
    func reportBreakWhileIdle() {
        brokeWhileIdle = true
    }

    private func takeBreakNotice() -> Bool {
        defer { brokeWhileIdle = false }
        return brokeWhileIdle
    }

    /// The connection's state for the pool.
    var health: ConnectionHealth {
        switch phase {
        case .unopened, .starting, .connecting:
            return ConnectionHealth(isUsable: true, isInTransaction: false)
        case .open:
            guard let handle else { return ConnectionHealth(isUsable: false, isInTransaction: false) }
            return ConnectionHealth(isUsable: true, isInTransaction: PQtransactionStatus(handle) != PQTRANS_IDLE)
        case .broken, .closed:
            return ConnectionHealth(isUsable: false, isInTransaction: false)
        }
    }

    func handleEvents(_ events: UInt32) {
        locked {
            switch phase {
            case .connecting:
                advanceConnecting()
            case .open:
                let readable = events & (cshims_EPOLLIN | cshims_EPOLLERR | cshims_EPOLLHUP) != 0
                if isSendingElsewhere {
                    if readable { inputArrivedWhileSending = true }
                    pauseInterest()
                } else if inFlight != nil {
                    if events & cshims_EPOLLOUT != 0 && isFlushing { flush() }
                    if inFlight != nil && readable { readResults() }
                } else if readable {
                    noticeInputWhileIdle(hangUp: events & (cshims_EPOLLERR | cshims_EPOLLHUP) != 0)
                }
            case .unopened, .starting, .broken, .closed:
                break
            }
        }
    }

    func tick(now: UInt64) {
        locked {
            guard !isSendingElsewhere else { return }
            if let connectDeadline, now >= connectDeadline { return connectTimedOut() }
            // TLS can hold decrypted input that the socket no longer signals; look for it while waiting for results.
            if case .open = phase, inFlight != nil, !isFlushing, let handle, PQsslInUse(handle) == 1 { readResults() }
        }
    }

    /// Finishes the libpq connection (once); requests still queued, and later ones, fail with `.connectionClosed`.
    func close() {
        guard !isSendingElsewhere else {
            // A calling thread is using the handle for a moment; close right after.
            return loop.execute { self.locked { self.close() } }
        }
        let wasSending = inFlight != nil
        release(.closed)
        if let active {
            self.active = nil
            let error = PostgresError(.connectionClosed, connectionIsBroken: true, statementWasNotSent: !wasSending)
            deliver(active.completion, .failure(error))
        }
        failQueued(PostgresError(.connectionClosed, connectionIsBroken: true, statementWasNotSent: true))
    }

    /// Ends the libpq connection after a failure; the request that saw it reports the error itself.
    func markBroken(_ reason: String) {
        release(.broken(reason: reason.isEmpty ? "the connection broke" : reason))
    }

    /// Whether the connection can no longer be used (a FATAL error or notice, or libpq lost it); ends it if so.
    func checkBroken(fatal: Bool) -> Bool {
        guard let handle else { return true }
        guard fatal || notices.sawFatalNotice || PQstatus(handle) != CONNECTION_OK else { return false }
        markBroken(Self.errorMessage(of: handle))
        return true
    }

    /// Fails every queued request that has not started.
    func failQueued(_ error: PostgresError) {
        let waiting = queue
        queue = []
        for pending in waiting { deliver(pending.completion, .failure(error)) }
    }

    /// Watches the socket for `events`; EPOLLIN stays on while the connection is open so that a server closing
    /// it is noticed at once. Only for the socket libpq still has open.
    func setInterest(_ events: UInt32) {
        guard events != interest, let registration, let handle, PQsocket(handle) == socket else { return }
        interest = events
        loop.modify(fd: socket, id: registration, events: events)
    }

    /// Stops watching the socket until the thread sending on it is done (level-triggered readiness would
    /// otherwise be reported again and again); its `setInterest` turns watching back on.
    private func pauseInterest() {
        guard interest != 0, let registration else { return }
        interest = 0
        loop.modify(fd: socket, id: registration, events: 0)
    }

    /// Registers `newSocket` for `events` in place of the current registration; loop thread only. (libpq may
    /// switch sockets while connecting, and may already have closed the old one.)
    func register(_ newSocket: Int32, for events: UInt32) throws {
        if let registration { loop.deregister(fd: socket, id: registration) }
        registration = nil
        registration = try loop.register(fd: newSocket, events: events, handler: self)
        socket = newSocket
        interest = events
    }

    static func errorMessage(of handle: OpaquePointer) -> String {
        String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines()
    }

    /// Leaves the open state. The socket leaves the loop and the handle is finished by a job on the loop, so that
    /// both happen on the loop's thread and in that order; a socket libpq already closed is not named to epoll,
    /// since its number may belong to another socket by then.
    private func release(_ next: Phase) {
        let parting = PartingConnection(handle: handle)
        let registration = registration
        let socket = socket
        handle = nil
        self.registration = nil
        self.socket = -1
        interest = 0
        phase = next
        connectDeadline = nil
        inFlight = nil
        remainingSteps = []
        isFlushing = false
        inputArrivedWhileSending = false
        guard parting.handle != nil || registration != nil else { return }
        let loop = loop
        loop.execute {
            if let registration {
                let isStillOpen = parting.handle.map { PQsocket($0) == socket } ?? false
                loop.deregister(fd: isStillOpen ? socket : -1, id: registration)
            }
            if let handle = parting.handle { PQfinish(handle) }
        }
    }
}

/// A request's outcome on its way to the caller.
private struct Delivery: Sendable {
    let completion: ConnectionDriver.Completion
    let result: Result<PostgresRows, PostgresError>
    let health: ConnectionHealth

    func run() {
        completion(result, health)
    }
}

/// A libpq handle on its way to be finished on the loop.
// Safe to send: the driver drops its own reference before handing the handle over, so only the loop's job uses it.
private struct PartingConnection: @unchecked Sendable {
    let handle: OpaquePointer?
}
