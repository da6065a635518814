import CLibPQ
import CShims
import EventLoops
import Foundation

/// Opening the connection without blocking the loop.
///
/// `PQconnectStartParams` runs on a short-lived thread of its own, because it resolves the host name (a blocking
/// lookup); the loop then calls `PQconnectPoll` whenever the socket is ready as libpq asked, re-registering the
/// socket after each call since libpq may switch to another one (another address or host). The whole opening,
/// session setup included, must finish within the configured connect timeout (at least 2 seconds, as libpq
/// allows), checked on the loop's ticks.
extension ConnectionDriver {
    /// The least time a connection is given to open, as libpq's own `connect_timeout` handling allows.
    private static let minimumConnectTimeout = Duration.seconds(2)

    /// The session settings the result decoding relies on.
    static let setupSQL =
        "SET TimeZone TO 'UTC'; SET DateStyle TO 'ISO'; SET bytea_output TO 'hex'; SET extra_float_digits TO 3"

    private var connectTimeout: Duration {
        max(Self.minimumConnectTimeout, configuration.connectTimeout)
    }

    /// Starts opening the connection; queued requests run once it is open.
    func startConnecting() {
        phase = .starting
        let timeout = connectTimeout.components
        let nanoseconds = UInt64(timeout.seconds) &* 1_000_000_000 &+ UInt64(timeout.attoseconds / 1_000_000_000)
        connectDeadline = MonotonicClock.now() &+ nanoseconds
        let parameters = configuration.connectionParameters
        let keywords = parameters.map { Optional($0.keyword) } + [nil]
        let values = parameters.map { Optional($0.value) } + [nil]
        let loop = loop
        let thread = Thread {
            let handle = withCStringArray(keywords) { keywords in
                withCStringArray(values) { values in PQconnectStartParams(keywords, values, 0) }
            }
            let started = StartedConnection(handle: handle)
            loop.execute { self.locked { self.connectionStarted(started) } }
        }
        thread.name = "postgres-connect"
        thread.start()
    }

    /// Called when the connection's handle was allocated and its first connection attempt started.
    private func connectionStarted(_ started: StartedConnection) {
        guard case .starting = phase else {
            // Closed or timed out meanwhile; the handle has no socket registered yet.
            if let handle = started.handle { PQfinish(handle) }
            return
        }
        guard let handle = started.handle else {
            return failConnecting("libpq could not allocate a connection")
        }
        self.handle = handle
        guard PQstatus(handle) != CONNECTION_BAD else { return failConnecting(Self.errorMessage(of: handle)) }
        phase = .connecting
        // libpq's documented start: behave as if PQconnectPoll had asked to wait until the socket is writable.
        wait(for: PGRES_POLLING_WRITING)
    }

    /// Lets libpq take the next step of opening the connection.
    func advanceConnecting() {
        guard let handle else { return }
        let status = PQconnectPoll(handle)
        switch status {
        case PGRES_POLLING_OK:
            connected(handle)
        case PGRES_POLLING_READING, PGRES_POLLING_WRITING:
            wait(for: status)
        default:
            failConnecting(Self.errorMessage(of: handle))
        }
    }

    private func wait(for status: PostgresPollingStatusType) {
        guard let handle else { return }
        let newSocket = PQsocket(handle)
        guard newSocket >= 0 else { return failConnecting(Self.errorMessage(of: handle)) }
        do {
            try register(newSocket, for: status == PGRES_POLLING_READING ? cshims_EPOLLIN : cshims_EPOLLOUT)
        } catch {
            failConnecting("the socket could not be watched: \(error)")
        }
    }

    private func connected(_ handle: OpaquePointer) {
        guard PQsetnonblocking(handle, 1) == 0 else {
            return failConnecting("libpq could not switch to non-blocking mode: \(Self.errorMessage(of: handle))")
        }
        notices.install(on: handle)
        phase = .open
        needsSetup = true
        setInterest(cshims_EPOLLIN)
        startNext()
    }

    /// The connect timeout passed before the connection and its session setup were done.
    func connectTimedOut() {
        failConnecting("no connection within \(connectTimeout) (the connect timeout)")
    }

    /// Ends a connection that could not be opened and fails every request waiting for it.
    func failConnecting(_ reason: String) {
        markBroken(reason)
        let error = PostgresError(.connectionFailed(reason), connectionIsBroken: true, statementWasNotSent: true)
        if let active {
            self.active = nil
            deliver(active.completion, .failure(error))
        }
        failQueued(error)
    }
}

/// A libpq handle handed from the thread that started the connection to the loop that drives it.
// Safe to send: the starting thread gives the handle away right after `PQconnectStartParams` returns and never
// touches it again; from then on only the loop's thread uses it.
struct StartedConnection: @unchecked Sendable {
    let handle: OpaquePointer?
}
