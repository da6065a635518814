/// One libpq command of a request; the next one is sent once all results of the previous one were read.
enum ExchangeStep {
    /// The session settings of a new connection.
    case setup
    case prepare(name: String, key: PreparedStatementCache.Key)
    /// Drops a statement evicted from the cache.
    case deallocate(name: String)
    case execute(name: String, parameters: [String?])
    case simple(String)

    /// Whether the command's rows are the request's result.
    var returnsRows: Bool {
        switch self {
        case .execute, .simple: return true
        case .setup, .prepare, .deallocate: return false
        }
    }
}

/// What the results of the command in flight said so far.
struct StepOutcome {
    var rows = PostgresRows.empty
    var failure: ResultFailure?
}
