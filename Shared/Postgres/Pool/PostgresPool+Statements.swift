/// Running single statements and lending connections.
extension PostgresPool {
    /// Runs one statement on a pooled connection and returns its rows.
    ///
    /// Retry rule: when the connection had been idle in the pool and the statement failed with a connection
    /// error before it could reach the server (the server had closed the idle connection, as after a restart,
    /// or sending failed), the statement runs once more on another connection. A statement that was sent is
    /// never re-sent, because it may have run; its connection error is thrown.
    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try await runStatement { connection, verifyingIdle in
            try await connection.run(query, verifyingIdle: verifyingIdle)
        }
    }

    /// Runs one statement and returns the number of rows it affected, with the retry rule of `query(_:)`.
    @discardableResult
    public func execute(_ query: PostgresQuery) async throws -> Int {
        try await self.query(query).affectedRows
    }

    /// Lends one connection for several statements that must share a session (such as advisory locks).
    ///
    /// The connection goes back to the pool when `body` returns or throws; a transaction left open is rolled
    /// back. Session settings changed with `SET` stay on the connection for later users, so prefer `SET LOCAL`
    /// inside a transaction.
    public func withConnection<Value>(_ body: (PostgresConnection) async throws -> Value) async throws -> Value {
        let lease = try await acquireCheckedConnection()
        return try await using(lease) { lease in try await body(lease.connection) }
    }

    /// A lease whose connection, if it sat idle in the pool, was checked to be still open; a connection the
    /// server closed meanwhile is dropped and another one taken (at most twice, since dropping one also
    /// closes the other idle connections).
    private func acquireCheckedConnection() async throws -> PoolLease {
        for _ in 0..<2 {
            let lease = try await acquire()
            guard lease.wasIdle else { return lease }
            do {
                try await lease.connection.verifyIdleConnection()
                return lease
            } catch let error as PostgresError where error.statementWasNotSent && error.isConnectionError {
                await release(lease.connection)
            } catch {
                await release(lease.connection)
                throw error
            }
        }
        return try await acquire()
    }

    /// Runs `operation` on a lent connection and applies the retry rule above.
    func runStatement<Value>(
        _ operation: (PostgresConnection, _ verifyingIdle: Bool) async throws -> Value
    ) async throws -> Value {
        let lease = try await acquire()
        do {
            return try await using(lease) { lease in try await operation(lease.connection, lease.wasIdle) }
        } catch let error as PostgresError where lease.wasIdle && error.statementWasNotSent && error.isConnectionError {
            let retry = try await acquire()
            return try await using(retry) { retry in try await operation(retry.connection, retry.wasIdle) }
        }
    }

    /// Runs `body` with the lease and returns the connection to the pool afterwards, also on error.
    func using<Value>(_ lease: PoolLease, _ body: (PoolLease) async throws -> Value) async throws -> Value {
        let value: Value
        do {
            value = try await body(lease)
        } catch {
            await release(lease.connection)
            throw error
        }
        await release(lease.connection)
        return value
    }
}
