import CShims
import EventLoops
import Glibc
import HTTPCore

/// One event loop's share of a server: its registration of the shared listening socket (woken
/// exclusively, so one loop takes each new connection) and the connections it accepted.
// Safe to share: the listener is created before its loop serves it and afterwards every `var`
// is touched only on `loop`'s thread (handler callbacks and jobs given to `loop.execute`).
final class ServerListener: EventLoopHandler, @unchecked Sendable {
    let loop: EventLoop
    let context: ServerContext
    private let fd: Int32
    private var listening = false
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
        id = try loop.register(fd: fd, events: cshims_EPOLLIN | cshims_EPOLLEXCLUSIVE, handler: self)
        listening = true
    }

    func handleEvents(_ events: UInt32) {
        acceptAll()
    }

    func tick(now: UInt64) {
        if let until = acceptPausedUntil, now >= until, listening {
            acceptPausedUntil = nil
            loop.deregister(fd: fd, id: id)
            id = (try? loop.register(fd: fd, events: cshims_EPOLLIN | cshims_EPOLLEXCLUSIVE, handler: self)) ?? 0
        }
    }

    private func acceptAll() {
        while listening && acceptPausedUntil == nil {
            let client = cshims_accept(fd)
            if client < 0 {
                let code = errno
                if code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM {
                    // Out of descriptors: stop accepting for a moment instead of spinning.
                    loop.deregister(fd: fd, id: id)
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
            let peer = SocketAddress.of(fd: client, peer: true)
            let address = peer?.host ?? ""
            guard context.addressConnections.open(address) else {
                refuse(client)
                continue
            }
            _ = cshims_set_nodelay(client)
            let connection = ServerConnection(fd: client, peer: peer, address: address, listener: self)
            do {
                try connection.open()
                connections[ObjectIdentifier(connection)] = connection
            } catch {
                context.openConnections.subtract(1, ordering: .relaxed)
                context.addressConnections.close(address)
                Socket.close(client)
            }
        }
    }

    /// Over the connection limit (the server's or the client address's): a short 503 and close.
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
        context.addressConnections.close(connection.address)
        connections[ObjectIdentifier(connection)] = nil
    }

    /// Stops listening on this loop and asks every connection to finish (loop thread only).
    func drain() {
        draining = true
        stopListening()
        for connection in Array(connections.values) { connection.beginDrain() }
    }

    /// Closes whatever is still open (loop thread only).
    func closeAll() {
        stopListening()
        for connection in Array(connections.values) { connection.close() }
    }

    /// Removes the shared listening socket from this loop; the server closes it once every loop
    /// has let go.
    private func stopListening() {
        guard listening else { return }
        listening = false
        if acceptPausedUntil == nil { loop.deregister(fd: fd, id: id) }
        acceptPausedUntil = nil
    }
}
