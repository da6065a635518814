/// The isolation level a transaction starts with.
public enum PostgresIsolationLevel: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"

    var beginStatement: String { "BEGIN ISOLATION LEVEL \(rawValue)" }
}
