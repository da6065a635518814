import Synchronization

/// One PostgreSQL connection, owned by the pool and lent out through `PostgresPool.withConnection`.
///
/// All its libpq work runs serially on its own dedicated thread; callers await the results. Do not keep a
/// connection beyond the `withConnection` call that lent it.
public final class PostgresConnection: PostgresQueryable {
    /// A number unique within the pool, for logs.
    public let id: Int
    private let thread: ConfinedThread<ConnectionSession>
    private let health = Mutex(Health())

    /// What the pool needs to know when the connection comes back.
    private struct Health {
        var isUsable = true
        var isInTransaction = false
    }

    init(id: Int, configuration: PostgresConfiguration) {
        self.id = id
        thread = ConfinedThread(
            name: "postgres-\(id)",
            makeContext: { ConnectionSession(configuration: configuration) },
            tearDown: { session in session.close() })
    }

    deinit {
        thread.stop()
    }

    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try await run(query, verifyingIdle: false)
    }

    @discardableResult
    public func execute(_ query: PostgresQuery) async throws -> Int {
        try await run(query, verifyingIdle: false).affectedRows
    }

    /// False once the connection broke or was closed.
    var isUsable: Bool { health.withLock { $0.isUsable } }

    /// True while a transaction is open on the connection.
    var isInTransaction: Bool { health.withLock { $0.isInTransaction } }

    func run(_ query: PostgresQuery, verifyingIdle: Bool) async throws -> PostgresRows {
        try await perform { session in try session.runPrepared(query, verifyingIdle: verifyingIdle) }
    }

    /// Runs parameterless SQL, possibly several statements, with the simple query protocol.
    func runSimple(_ sql: String, verifyingIdle: Bool = false) async throws -> PostgresRows {
        try await perform { session in try session.runSimple(sql, verifyingIdle: verifyingIdle) }
    }

    /// Opens the connection if needed and checks that the server did not close it while it was idle.
    func verifyIdleConnection() async throws {
        try await perform { session in try session.verifyIdleConnection() }
    }

    /// Finishes the libpq connection and ends the thread once queued work is done.
    func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let accepted = thread.submit { session in
                session.close()
                self.health.withLock { $0 = Health(isUsable: false, isInTransaction: false) }
                continuation.resume()
            }
            thread.stop()
            if !accepted { continuation.resume() }
        }
    }

    private func perform<Value: Sendable>(
        _ work: @escaping @Sendable (ConnectionSession) throws -> Value
    ) async throws -> Value {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            let accepted = thread.submit { session in
                let result = Result { try work(session) }
                self.health.withLock {
                    $0 = Health(isUsable: session.isUsable, isInTransaction: session.isInTransaction)
                }
                continuation.resume(with: result)
            }
            if !accepted {
                continuation.resume(
                    throwing: PostgresError(.connectionClosed, connectionIsBroken: true, statementWasNotSent: true))
            }
        }
    }
}
