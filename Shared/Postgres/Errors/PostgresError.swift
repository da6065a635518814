/// A failure of the PostgreSQL layer: what went wrong (`kind`) and, for server errors, the SQLSTATE.
///
/// The description never contains passwords, and leaves out the server's `detail` text because it can
/// quote row values; read `detail` explicitly where it is safe to show. (A server message about input
/// that failed to parse, such as an invalid uuid, can still quote that input.)
public struct PostgresError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The category of a `PostgresError`, with the facts needed to find the cause.
    public enum Kind: Equatable, Sendable {
        /// The connection URL or settings are unusable; the text names the part that is wrong.
        case invalidConfiguration(String)
        /// A connection could not be opened; the text is libpq's explanation (it never holds the password).
        case connectionFailed(String)
        /// An open connection broke while it was used.
        case connectionLost(String)
        /// The connection was already closed by this process.
        case connectionClosed
        /// No pooled connection became free within the pool's wait timeout.
        case poolTimeout(waited: Duration)
        /// The pool was closed; no more work is accepted.
        case poolClosed
        /// An operation with its own deadline (such as `PostgresPool.ping`) did not finish in time.
        case timeout(Duration)
        /// The server rejected a statement.
        case server(sqlState: String, message: String, detail: String?, constraint: String?)
        /// COMMIT rolled the transaction back because a statement inside it had failed.
        case transactionAborted
        /// A transaction handle was used after its transaction had ended.
        case transactionFinished
        /// A column could not be decoded as the requested Swift type.
        case decoding(column: String, type: String, reason: String)
        /// A bound parameter cannot be sent (for example text containing a NUL character).
        case invalidParameter(index: Int, reason: String)
        /// The SQL text itself cannot be sent (for example it contains a NUL character).
        case invalidQuery(String)
        /// libpq returned something this layer does not handle (for example a COPY result).
        case unexpectedResult(String)
    }

    /// What went wrong.
    public let kind: Kind
    /// True when the connection the error happened on can no longer be used.
    public let connectionIsBroken: Bool
    /// True when the failure happened before the statement could reach the server, so it has not run.
    let statementWasNotSent: Bool

    init(_ kind: Kind, connectionIsBroken: Bool = false, statementWasNotSent: Bool = false) {
        self.kind = kind
        self.connectionIsBroken = connectionIsBroken
        self.statementWasNotSent = statementWasNotSent
    }

    /// The five-character SQLSTATE of a server error, nil for errors raised on the client side.
    public var sqlState: String? {
        if case let .server(sqlState, _, _, _) = kind { return sqlState }
        return nil
    }

    /// The server's `detail` text, if any (it may quote row values, so it is not part of `description`).
    public var detail: String? {
        if case let .server(_, _, detail, _) = kind { return detail }
        return nil
    }

    /// The name of the violated constraint for constraint violations.
    public var constraint: String? {
        if case let .server(_, _, _, constraint) = kind { return constraint }
        return nil
    }

    public var description: String {
        switch kind {
        case let .invalidConfiguration(reason):
            return "invalid PostgreSQL configuration: \(reason)"
        case let .connectionFailed(reason):
            return "could not connect to PostgreSQL: \(reason)"
        case let .connectionLost(reason):
            return "the PostgreSQL connection broke: \(reason)"
        case .connectionClosed:
            return "the PostgreSQL connection is closed"
        case let .poolTimeout(waited):
            return "no PostgreSQL connection became free within \(waited); raise DB_POOL_SIZE or DB_POOL_TIMEOUT_MS"
        case .poolClosed:
            return "the PostgreSQL pool is closed"
        case let .timeout(limit):
            return "the PostgreSQL operation did not finish within \(limit)"
        case let .server(sqlState, message, _, constraint):
            let constraintText = constraint.map { " (constraint \($0))" } ?? ""
            return "PostgreSQL error \(sqlState): \(message)\(constraintText)"
        case .transactionAborted:
            return "the transaction was rolled back at COMMIT because a statement inside it had failed"
        case .transactionFinished:
            return "the transaction handle was used after its transaction had ended"
        case let .decoding(column, type, reason):
            return "cannot decode column '\(column)' as \(type): \(reason)"
        case let .invalidParameter(index, reason):
            return "parameter $\(index) cannot be sent: \(reason)"
        case let .invalidQuery(reason):
            return "the SQL cannot be sent: \(reason)"
        case let .unexpectedResult(reason):
            return "unexpected result from PostgreSQL: \(reason)"
        }
    }
}
