import CShims
import Synchronization

/// An HTTP/1.1 server: one listening socket per event loop (SO_REUSEPORT spreads new
/// connections), keep-alive, pipelining, limits and timeouts from its configuration.
public final class HTTPServer: Sendable {
    public let configuration: HTTPServerConfiguration
    private let group: EventLoopGroup
    private let context: ServerContext
    private let listeners = Mutex<[ServerListener]>([])

    public init(configuration: HTTPServerConfiguration, group: EventLoopGroup, responder: any HTTPResponder) {
        self.configuration = configuration
        self.group = group
        self.context = ServerContext(configuration: configuration, responder: responder)
        cshims_ignore_sigpipe()
    }

    /// Binds and starts serving; returns the port bound (useful with port 0).
    @discardableResult
    public func start() async throws -> Int {
        var port = configuration.port
        var created: [ServerListener] = []
        do {
            for loop in group.loops {
                let address = try SocketAddress(host: configuration.host, port: port)
                let fd = try Socket.listen(on: address, reusePort: true)
                if port == 0 { port = SocketAddress.of(fd: fd, peer: false)?.port ?? 0 }
                created.append(ServerListener(fd: fd, loop: loop, context: context))
            }
        } catch {
            for listener in created { listener.closeUnregistered() }
            throw error
        }
        for listener in created {
            try await listener.loop.run { try listener.open() }
        }
        listeners.withLock { $0 = created }
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
        for listener in all { listener.loop.execute { listener.drain() } }
        let deadline = ContinuousClock.now + grace
        while openConnections > 0 && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        for listener in all { try? await listener.loop.run { listener.closeAll() } }
    }
}

extension EventLoop {
    /// Runs `work` on the loop and waits for it.
    package func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            execute { continuation.resume(with: Result { try work() }) }
        }
    }
}
