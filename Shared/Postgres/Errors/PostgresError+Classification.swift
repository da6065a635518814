/// Questions callers ask about a `PostgresError` to decide whether to retry, answer 409, or reconnect.
extension PostgresError {
    /// A serializable transaction conflict (40001) or a deadlock (40P01): running the transaction again can succeed.
    public var isSerializationFailure: Bool {
        sqlState == "40001" || sqlState == "40P01"
    }

    /// The connection is unusable: it could not be opened, broke, was closed, or the server reported a
    /// connection exception (class 08) or an administrator/crash shutdown (57P01, 57P02, 57P03).
    public var isConnectionError: Bool {
        switch kind {
        case .connectionFailed, .connectionLost, .connectionClosed:
            return true
        default:
            break
        }
        if connectionIsBroken { return true }
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    /// A unique constraint was violated (23505).
    public var isUniqueViolation: Bool { sqlState == "23505" }

    /// A check constraint was violated (23514).
    public var isCheckViolation: Bool { sqlState == "23514" }

    /// A foreign key constraint was violated (23503).
    public var isForeignKeyViolation: Bool { sqlState == "23503" }
}
