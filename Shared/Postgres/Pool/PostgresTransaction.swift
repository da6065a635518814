import Synchronization

/// The statements of one transaction, given to the body of `PostgresPool.transaction`.
///
/// It only works inside that body; afterwards it throws `.transactionFinished`.
public struct PostgresTransaction: PostgresQueryable {
    /// The isolation level the transaction started with.
    public let isolation: PostgresIsolationLevel
    let connection: PostgresConnection
    let tracker: TransactionTracker

    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try tracker.checkOpen()
        do {
            return try await connection.query(query)
        } catch {
            tracker.record(error)
            throw error
        }
    }

    @discardableResult
    public func execute(_ query: PostgresQuery) async throws -> Int {
        try await self.query(query).affectedRows
    }
}

/// Whether a transaction is still open, and whether one of its statements hit a serialization failure
/// (so the transaction is retried even when the body wrapped or swallowed that error).
final class TransactionTracker: Sendable {
    private struct State {
        var isOpen = true
        var sawSerializationFailure = false
    }

    private let state = Mutex(State())

    var sawSerializationFailure: Bool { state.withLock { $0.sawSerializationFailure } }

    func checkOpen() throws {
        guard state.withLock({ $0.isOpen }) else { throw PostgresError(.transactionFinished) }
    }

    func record(_ error: any Error) {
        guard let error = error as? PostgresError, error.isSerializationFailure else { return }
        state.withLock { $0.sawSerializationFailure = true }
    }

    func finish() {
        state.withLock { $0.isOpen = false }
    }
}
