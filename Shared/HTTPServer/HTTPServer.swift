import CShims
import EventLoops
import Synchronization

/// An HTTP/1.1 server: one listening socket watched by every event loop (each new connection
/// wakes one loop), keep-alive, pipelining, limits and timeouts from its configuration. A port
/// already in use fails the start instead of being shared with another process.
public final class HTTPServer: Sendable {
    public let configuration: HTTPServerConfiguration
    private let group: EventLoopGroup
    private let context: ServerContext
    private let listeners = Mutex<[ServerListener]>([])
    private let listeningSocket = Mutex<Int32>(-1)

    public init(configuration: HTTPServerConfiguration, group: EventLoopGroup, responder: any HTTPResponder) {
        self.configuration = configuration
        self.group = group
        self.context = ServerContext(configuration: configuration, responder: responder)
        cshims_ignore_sigpipe()
    }

    /// Binds and starts serving; returns the port bound (useful with port 0).
    @discardableResult
    public func start() async throws -> Int {
        let address = try SocketAddress(host: configuration.host, port: configuration.port)
        let fd = try Socket.listen(on: address)
        let port = SocketAddress.of(fd: fd, peer: false)?.port ?? configuration.port
        let created = group.loops.map { ServerListener(fd: fd, loop: $0, context: context) }
        listeningSocket.withLock { $0 = fd }
        listeners.withLock { $0 = created }
        do {
            for listener in created {
                try await listener.loop.run { try listener.open() }
            }
        } catch {
            for listener in created { try? await listener.loop.run { listener.closeAll() } }
            closeListeningSocket()
            throw error
        }
        return port
    }

    /// Connections open now.
    public var openConnections: Int { context.openConnections.load(ordering: .relaxed) }
    /// Connections accepted since start, and those refused over the limit.
    public var acceptedConnections: Int { context.acceptedTotal.load(ordering: .relaxed) }
    public var refusedConnections: Int { context.refusedTotal.load(ordering: .relaxed) }

    /// Stops accepting, lets in-flight requests finish within `grace`, closes idle connections at
    /// once and anything left when the grace period ends.
    public func shutdown(grace: Duration) async {
        let all = listeners.withLock { $0 }
        for listener in all { try? await listener.loop.run { listener.drain() } }
        closeListeningSocket()
        let deadline = ContinuousClock.now + grace
        while openConnections > 0 && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        for listener in all { try? await listener.loop.run { listener.closeAll() } }
        closeListeningSocket()
    }

    private func closeListeningSocket() {
        let fd = listeningSocket.withLock { fd -> Int32 in
            defer { fd = -1 }
            return fd
        }
        if fd >= 0 { Socket.close(fd) }
    }
}
