import CLibPQ
import Glibc

/// The libpq connection behind one `PostgresConnection`. It is created, used, and finished on that
/// connection's own thread only, so it needs no locking.
///
/// The connection opens on first use. Each `PGresult` is cleared right after its contents are copied,
/// parameter strings stay allocated for the whole call, and `PQfinish` runs exactly once: when the
/// connection breaks or when it is closed. A broken session stays broken; the pool replaces it.
final class ConnectionSession {
    private enum State {
        case unopened
        case open(OpaquePointer)
        case broken(reason: String)
        case closed
    }

    /// Session settings the result decoding relies on.
    private static let setupSQL =
        "SET TimeZone TO 'UTC'; SET DateStyle TO 'ISO'; SET bytea_output TO 'hex'; SET extra_float_digits TO 3"
    private static let maximumParameterCount = 65_535

    private let configuration: PostgresConfiguration
    private var state = State.unopened
    private var statements: PreparedStatementCache
    private let notices = NoticeObserver()

    init(configuration: PostgresConfiguration) {
        self.configuration = configuration
        statements = PreparedStatementCache(capacity: configuration.statementCacheCapacity)
    }

    deinit {
        close()
    }

    /// False once the connection broke or was closed.
    var isUsable: Bool {
        switch state {
        case .unopened, .open: return true
        case .broken, .closed: return false
        }
    }

    /// True while a transaction is open (or failed and not yet rolled back).
    var isInTransaction: Bool {
        guard case let .open(handle) = state else { return false }
        return PQtransactionStatus(handle) != PQTRANS_IDLE
    }

    /// Runs one statement with the extended protocol: prepared once per connection (`PQprepare`), then
    /// executed by name with text-format parameters and their explicit type OIDs.
    ///
    /// With `verifyingIdle`, the connection is first checked for having been closed by the server while it
    /// sat idle; that failure, like a failed send, carries `statementWasNotSent`.
    func runPrepared(_ query: PostgresQuery, verifyingIdle: Bool) throws -> PostgresRows {
        guard query.binds.count <= Self.maximumParameterCount else {
            throw PostgresError(.invalidParameter(
                index: Self.maximumParameterCount + 1, reason: "a statement takes at most 65535 parameters"))
        }
        let texts = try query.binds.enumerated().map { index, value in try value.parameterText(index: index + 1) }
        try rejectNUL(in: query.sql)
        let handle = try openHandle()
        if verifyingIdle { try verifyIdle(handle) }
        let name = try preparedStatementName(for: query, on: handle)
        let sent = withCStringArray(texts) { values in
            values.withUnsafeBufferPointer { buffer in
                PQsendQueryPrepared(handle, name, Int32(buffer.count), buffer.baseAddress, nil, nil, 0)
            }
        }
        guard sent == 1 else { throw sendFailure(handle) }
        return try collectResults(handle)
    }

    /// Runs SQL without parameters with the simple query protocol (`PQsendQuery`, the asynchronous form of
    /// `PQexec`), so text holding several statements works. Returns the last statement's result.
    func runSimple(_ sql: String, verifyingIdle: Bool) throws -> PostgresRows {
        try rejectNUL(in: sql)
        let handle = try openHandle()
        if verifyingIdle { try verifyIdle(handle) }
        guard PQsendQuery(handle, sql) == 1 else { throw sendFailure(handle) }
        return try collectResults(handle)
    }

    /// Opens the connection if needed and checks that the server did not close it while it was idle.
    func verifyIdleConnection() throws {
        try verifyIdle(try openHandle())
    }

    /// Finishes the libpq connection (once); later calls fail with `.connectionClosed`.
    func close() {
        if case let .open(handle) = state { PQfinish(handle) }
        state = .closed
    }

    private func openHandle() throws -> OpaquePointer {
        switch state {
        case let .open(handle):
            return handle
        case let .broken(reason):
            throw PostgresError(.connectionLost(reason), connectionIsBroken: true, statementWasNotSent: true)
        case .closed:
            throw PostgresError(.connectionClosed, connectionIsBroken: true, statementWasNotSent: true)
        case .unopened:
            let handle = try connect()
            state = .open(handle)
            do {
                _ = try runSimple(Self.setupSQL, verifyingIdle: false)
            } catch let error as PostgresError {
                if case let .open(handle) = state { markBroken(handle, reason: error.description) }
                throw PostgresError(.connectionFailed("the session setup failed: \(error)"),
                    connectionIsBroken: true, statementWasNotSent: true)
            }
            return handle
        }
    }

    private func connect() throws -> OpaquePointer {
        let parameters = configuration.connectionParameters
        let handle = withCStringArray(parameters.map(\.keyword) + [nil]) { keywords in
            withCStringArray(parameters.map(\.value) + [nil]) { values in
                PQconnectdbParams(keywords, values, 0)
            }
        }
        guard let handle else {
            state = .broken(reason: "libpq could not allocate a connection")
            throw PostgresError(.connectionFailed("libpq could not allocate a connection"),
                connectionIsBroken: true, statementWasNotSent: true)
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let reason = String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines()
            PQfinish(handle)
            state = .broken(reason: reason)
            throw PostgresError(.connectionFailed(reason), connectionIsBroken: true, statementWasNotSent: true)
        }
        notices.install(on: handle)
        return handle
    }

    private func preparedStatementName(for query: PostgresQuery, on handle: OpaquePointer) throws -> String {
        let key = PreparedStatementCache.Key(sql: query.sql, types: query.bindTypes)
        if let name = statements.name(for: key) { return name }
        let name = statements.makeName()
        let types = query.bindTypes.map(\.rawValue)
        let result = types.withUnsafeBufferPointer { buffer in
            PQprepare(handle, name, query.sql, Int32(buffer.count), buffer.baseAddress)
        }
        guard let result else { throw sendFailure(handle) }
        let status = PQresultStatus(result)
        let failure = status == PGRES_COMMAND_OK ? nil : ResultReader.failure(of: result)
        PQclear(result)
        if let failure {
            let broken = checkBroken(handle, fatal: failure.isFatal)
            throw failure.error(connectionIsBroken: broken, statementWasNotSent: broken)
        }
        if let evicted = statements.insert(key, name: name) { deallocate(evicted, on: handle) }
        return name
    }

    /// Drops a prepared statement on the server; a failure (for example inside an aborted transaction) only
    /// leaves it allocated until the connection closes, since names are never reused.
    private func deallocate(_ name: String, on handle: OpaquePointer) {
        if let result = PQexec(handle, "DEALLOCATE \(name)") { PQclear(result) }
    }

    private func collectResults(_ handle: OpaquePointer) throws -> PostgresRows {
        var rows = PostgresRows.empty
        var failure: ResultFailure?
        var unsupported: String?
        while let result = PQgetResult(handle) {
            let status = PQresultStatus(result)
            switch status {
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                if failure == nil { rows = ResultReader.rows(of: result) }
            case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
                unsupported = "COPY is not supported; the connection was closed"
            default:
                if failure == nil { failure = ResultReader.failure(of: result) }
            }
            PQclear(result)
            if unsupported != nil { break }
        }
        if let unsupported {
            markBroken(handle, reason: unsupported)
            throw PostgresError(.unexpectedResult(unsupported), connectionIsBroken: true)
        }
        let broken = checkBroken(handle, fatal: failure?.isFatal ?? false)
        if let failure { throw failure.error(connectionIsBroken: broken) }
        return rows
    }

    /// Whether the server closed the idle connection; breaks the session (statement not sent) if so.
    private func verifyIdle(_ handle: OpaquePointer) throws {
        guard !isAliveAfterIdling(handle) else { return }
        let reason = "the server closed the connection while it was idle in the pool"
        markBroken(handle, reason: reason)
        throw PostgresError(.connectionLost(reason), connectionIsBroken: true, statementWasNotSent: true)
    }

    /// Reads whatever the server sent while the connection was idle, without blocking: end-of-file, a
    /// FATAL message, or a broken socket mean the server has ended the session.
    private func isAliveAfterIdling(_ handle: OpaquePointer) -> Bool {
        let socket = PQsocket(handle)
        guard socket >= 0 else { return false }
        for _ in 0..<8 {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 0)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { break }
            guard PQconsumeInput(handle) == 1 else { return false }
            _ = PQisBusy(handle)
            while let notification = PQnotifies(handle) { PQfreemem(notification) }
            if notices.sawFatalNotice || PQstatus(handle) != CONNECTION_OK { return false }
        }
        return !notices.sawFatalNotice && PQstatus(handle) == CONNECTION_OK
    }

    /// The error for a send that libpq refused; nothing reached the server.
    private func sendFailure(_ handle: OpaquePointer) -> PostgresError {
        let reason = String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines()
        if checkBroken(handle, fatal: false) {
            return PostgresError(.connectionLost(reason), connectionIsBroken: true, statementWasNotSent: true)
        }
        return PostgresError(.unexpectedResult(reason), statementWasNotSent: true)
    }

    /// Finishes the connection if it is no longer usable; returns whether it was.
    private func checkBroken(_ handle: OpaquePointer, fatal: Bool) -> Bool {
        guard fatal || notices.sawFatalNotice || PQstatus(handle) != CONNECTION_OK else { return false }
        markBroken(handle, reason: String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines())
        return true
    }

    private func markBroken(_ handle: OpaquePointer, reason: String) {
        PQfinish(handle)
        state = .broken(reason: reason.isEmpty ? "the connection broke" : reason)
    }

    private func rejectNUL(in sql: String) throws {
        guard !sql.utf8.contains(0) else {
            throw PostgresError(.invalidQuery("SQL text cannot contain NUL characters"))
        }
    }
}
