import EventLoops
import Synchronization

/// One PostgreSQL connection, owned by the pool and lent out through `PostgresPool.withConnection`.
///
/// Its libpq work runs without blocking on one event loop of the pool's group (a statement for an idle
/// connection is sent right from the calling task); callers await the results, which the loop delivers.
/// Statements given to one connection run one after another in the order they were given. Do not keep a
/// connection beyond the `withConnection` call that lent it.
public final class PostgresConnection: PostgresQueryable {
    /// A number unique within the pool, for logs.
    public let id: Int
    /// The event loop serving the connection (nil when none could be started).
    let loop: EventLoop?
    /// The driver on its loop, or why no loop was available.
    private let driver: Result<ConnectionDriver, PostgresError>
    private let healthState: Mutex<ConnectionHealth>

    /// A connection served by `loop`; `onBreakWhileIdle` runs on the loop when the server closes the connection
    /// while no statement runs on it.
    init(
        id: Int,
        configuration: PostgresConfiguration,
        loop: Result<EventLoop, PostgresError>,
        onBreakWhileIdle: @escaping @Sendable () -> Void
    ) {
        self.id = id
        self.loop = try? loop.get()
        driver = loop.map { loop in
            ConnectionDriver(loop: loop, configuration: configuration, onBreakWhileIdle: onBreakWhileIdle)
        }
        healthState = Mutex(ConnectionHealth(isUsable: self.loop != nil, isInTransaction: false))
    }

    deinit {
        guard case let .success(driver) = driver else { return }
        driver.loop.execute { driver.locked { driver.close() } }
    }

    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try await run(query, verifyingIdle: false)
    }

    @discardableResult
    public func execute(_ query: PostgresQuery) async throws -> Int {
        try await run(query, verifyingIdle: false).affectedRows
    }

    /// False once the connection broke or was closed.
    var isUsable: Bool { health.isUsable }

    /// True while a transaction is open on the connection.
    var isInTransaction: Bool { health.isInTransaction }

    /// The connection's state after its last statement.
    var health: ConnectionHealth { healthState.withLock { $0 } }

    /// Runs one statement with the extended protocol. With `verifyingIdle`, the connection is first checked for
    /// having been closed by the server while it sat idle; that failure, like a failed send, carries
    /// `statementWasNotSent`.
    func run(_ query: PostgresQuery, verifyingIdle: Bool) async throws -> PostgresRows {
        try await perform(ConnectionRequest(preparing: query), verifyingIdle: verifyingIdle)
    }

    /// Runs parameterless SQL, possibly several statements, with the simple query protocol; returns the last
    /// statement's result.
    func runSimple(_ sql: String, verifyingIdle: Bool = false) async throws -> PostgresRows {
        try await perform(ConnectionRequest(simple: sql), verifyingIdle: verifyingIdle)
    }

    /// Opens the connection if needed and checks that the server did not close it while it was idle.
    func verifyIdleConnection() async throws {
        _ = try await perform(.check, verifyingIdle: true)
    }

    /// Finishes the libpq connection; statements still waiting for it fail with `.connectionClosed`.
    func close() async {
        guard case let .success(driver) = driver else {
            healthState.withLock { $0 = ConnectionHealth(isUsable: false, isInTransaction: false) }
            return
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            driver.loop.execute {
                driver.locked { driver.close() }
                self.healthState.withLock { $0 = ConnectionHealth(isUsable: false, isInTransaction: false) }
                continuation.resume()
            }
        }
    }

    private func perform(_ request: ConnectionRequest, verifyingIdle: Bool) async throws -> PostgresRows {
        let driver = try driver.get()
        // The driver calls every request's completion exactly once.
        return try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<PostgresRows, any Error>) in
            let pending = ConnectionDriver.Pending(request: request, verifyingIdle: verifyingIdle) { result, health in
                self.healthState.withLock { $0 = health }
                continuation.resume(with: result.mapError { $0 })
            }
            driver.submit(pending)
        }
    }
}
