/// Transactions with automatic retry of serialization failures.
extension PostgresPool {
    /// Runs `body` inside `BEGIN … COMMIT` on one connection.
    ///
    /// Any error thrown by `body` (cancellation included) rolls the transaction back and is rethrown. When the
    /// transaction fails with a serialization failure or deadlock (40001, 40P01) — thrown by a statement, by
    /// COMMIT, or swallowed by `body` — the whole body runs again, up to `retries` more times, so `body` must
    /// have no effects outside the database that would be wrong to repeat.
    public func transaction<Value>(
        isolation: PostgresIsolationLevel = .readCommitted,
        retries: Int = 3,
        _ body: (PostgresTransaction) async throws -> Value
    ) async throws -> Value {
        var attempt = 0
        while true {
            switch await attemptTransaction(isolation: isolation, body) {
            case let .committed(value):
                return value
            case let .failed(error, isRetryable):
                guard isRetryable, attempt < retries, !Task.isCancelled else { throw error }
                attempt += 1
                try? await Task.sleep(for: .milliseconds(Int.random(in: 1...5) * attempt))
            }
        }
    }

    private func attemptTransaction<Value>(
        isolation: PostgresIsolationLevel,
        _ body: (PostgresTransaction) async throws -> Value
    ) async -> TransactionOutcome<Value> {
        let connection: PostgresConnection
        do {
            connection = try await begin(isolation)
        } catch {
            return .failed(error, isRetryable: false)
        }
        let tracker = TransactionTracker()
        do {
            let transaction = PostgresTransaction(isolation: isolation, connection: connection, tracker: tracker)
            let value = try await body(transaction)
            tracker.finish()
            let commit = try await connection.runSimple("COMMIT")
            if commit.commandTag == "ROLLBACK" { throw PostgresError(.transactionAborted) }
            await release(connection)
            return .committed(value)
        } catch {
            tracker.finish()
            if connection.isUsable && connection.isInTransaction {
                _ = try? await connection.runSimple("ROLLBACK")
            }
            await release(connection)
            let isSerializationFailure = (error as? PostgresError)?.isSerializationFailure == true
            return .failed(error, isRetryable: isSerializationFailure || tracker.sawSerializationFailure)
        }
    }

    /// Lends a connection with BEGIN already run. A BEGIN that could not reach the server on a connection left
    /// stale in the pool is tried once more on another connection.
    private func begin(_ isolation: PostgresIsolationLevel) async throws -> PostgresConnection {
        let lease = try await acquire()
        do {
            _ = try await lease.connection.runSimple(isolation.beginStatement, verifyingIdle: lease.wasIdle)
            return lease.connection
        } catch let error as PostgresError where lease.wasIdle && error.statementWasNotSent && error.isConnectionError {
            await release(lease.connection)
        } catch {
            await release(lease.connection)
            throw error
        }
        let retry = try await acquire()
        do {
            _ = try await retry.connection.runSimple(isolation.beginStatement, verifyingIdle: retry.wasIdle)
            return retry.connection
        } catch {
            await release(retry.connection)
            throw error
        }
    }
}

/// How one attempt of a transaction ended.
private enum TransactionOutcome<Value> {
    case committed(Value)
    case failed(any Error, isRetryable: Bool)
}
