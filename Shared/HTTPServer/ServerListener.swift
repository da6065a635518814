import CShims
import Glibc
import HTTPCore

/// The listening socket of one event loop and the connections it accepted.
// Safe to share: the listener is created before its loop serves it and afterwards every `var`
// is touched only on `loop`'s thread (handler callbacks and jobs given to `loop.execute`).
final class ServerListener: EventLoopHandler, @unchecked Sendable {
    let loop: EventLoop
    let context: ServerContext
    private var fd: Int32
    private var id: UInt64 = 0
    private var connections: [ObjectIdentifier: ServerConnection] = [:]
    private var acceptPausedUntil: UInt64?
    private var draining = false

    init(fd: Int32, loop: EventLoop, context: ServerContext) {
        self.fd = fd
        self.loop = loop
        self.context = context
    }

    /// Registers the listening socket (loop thread only).
    func open() throws {
        id = try loop.register(fd: fd, events: cshims_EPOLLIN, handler: self)
    }

    func handleEvents(_ events: UInt32) {
        acceptAll()
    }

    func tick(now: UInt64) {
        if let until = acceptPausedUntil, now >= until, fd >= 0 {
            acceptPausedUntil = nil
            loop.modify(fd: fd, id: id, events: cshims_EPOLLIN)
        }
    }

    private func acceptAll() {
        while fd >= 0 {
            let client = cshims_accept(fd)
            if client < 0 {
                let code = errno
                if code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM {
                    // Out of descriptors: stop accepting for a moment instead of spinning.
                    loop.modify(fd: fd, id: id, events: 0)
                    acceptPausedUntil = MonotonicClock.deadline(afterMilliseconds: 100)
                }
                return
            }
            context.acceptedTotal.add(1, ordering: .relaxed)
            let open = context.openConnections.add(1, ordering: .relaxed).newValue
            if open > context.configuration.maxConnections || draining {
                refuse(client)
                continue
            }
            _ = cshims_set_nodelay(client)
            let connection = ServerConnection(fd: client, listener: self)
            do {
                try connection.open()
                connections[ObjectIdentifier(connection)] = connection
            } catch {
                context.openConnections.subtract(1, ordering: .relaxed)
                Socket.close(client)
            }
        }
    }

    /// Over the connection limit: a short 503 and close.
    private func refuse(_ client: Int32) {
        context.refusedTotal.add(1, ordering: .relaxed)
        context.openConnections.subtract(1, ordering: .relaxed)
        var bytes: [UInt8] = []
        HTTPResponse.text("Too many connections\n", status: .serviceUnavailable)
            .serialize(into: &bytes, date: loop.httpDate, keepAlive: false)
        bytes.withUnsafeBytes { _ = Socket.write(client, $0) }
        Socket.close(client)
    }

    func connectionClosed(_ connection: ServerConnection) {
        context.openConnections.subtract(1, ordering: .relaxed)
        connections[ObjectIdentifier(connection)] = nil
    }

    /// Closes the listening socket and asks every connection to finish (loop thread only).
    func drain() {
        draining = true
        closeListeningSocket()
        for connection in Array(connections.values) { connection.beginDrain() }
    }

    /// Closes whatever is still open (loop thread only).
    func closeAll() {
        closeListeningSocket()
        for connection in Array(connections.values) { connection.close() }
    }

    private func closeListeningSocket() {
        guard fd >= 0 else { return }
        loop.deregister(fd: fd, id: id)
        Socket.close(fd)
        fd = -1
    }
}

extension ServerListener {
    /// Closes the socket of a listener that never reached its loop (start-up failed).
    func closeUnregistered() {
        Socket.close(fd)
        fd = -1
    }
}
