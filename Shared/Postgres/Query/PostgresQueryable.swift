/// Something that runs statements: the pool, a leased connection, or a transaction.
public protocol PostgresQueryable: Sendable {
    /// Runs a statement and returns its rows.
    func query(_ query: PostgresQuery) async throws -> PostgresRows
    /// Runs a statement and returns the number of rows it inserted, updated, deleted, or selected.
    @discardableResult
    func execute(_ query: PostgresQuery) async throws -> Int
}
