/// The name and type of one result column.
public struct PostgresColumn: Hashable, Sendable {
    /// The column name as the server reports it (the alias, if the query gave one).
    public let name: String
    /// The column's data type.
    public let type: PostgresTypeOID
}
