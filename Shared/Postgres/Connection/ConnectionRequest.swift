import Glibc

/// What a caller asks of a connection, checked before it is handed to the connection's event loop.
enum ConnectionRequest: Sendable {
    /// One statement run with the extended protocol: prepared once per connection, then executed by name with
    /// text-format parameters (nil is NULL) and their explicit type OIDs.
    case prepared(sql: String, types: [PostgresTypeOID], parameters: [String?])
    /// Parameterless SQL, possibly several statements, run with the simple query protocol.
    case simple(String)
    /// Nothing to run: only open the connection if needed and check it when it sat idle.
    case check

    private static let maximumParameterCount = 65_535

    /// Checks and converts the statement's parameters; throws when one of them, or the SQL, cannot be sent.
    init(preparing query: PostgresQuery) throws {
        guard query.binds.count <= Self.maximumParameterCount else {
            throw PostgresError(
                .invalidParameter(
                    index: Self.maximumParameterCount + 1, reason: "a statement takes at most 65535 parameters"))
        }
        let parameters = try query.binds.enumerated().map { index, value in
            try value.parameterText(index: index + 1)
        }
        try Self.rejectNUL(in: query.sql)
        self = .prepared(sql: query.sql, types: query.bindTypes, parameters: parameters)
    }

    /// Checks that `sql` can be sent with the simple query protocol.
    init(simple sql: String) throws {
        try Self.rejectNUL(in: sql)
        self = .simple(sql)
    }

    private static func rejectNUL(in sql: String) throws {
        guard !sql.containsNUL else {
            throw PostgresError(.invalidQuery("SQL text cannot contain NUL characters"))
        }
    }
}

/// What the pool needs to know about a connection when it comes back.
struct ConnectionHealth: Sendable {
    /// False once the connection broke or was closed.
    var isUsable: Bool
    /// True while a transaction is open (or failed and not yet rolled back).
    var isInTransaction: Bool
}

extension String {
    /// Whether the text holds a NUL character, which C strings (and so PostgreSQL text) cannot carry.
    var containsNUL: Bool {
        var copy = self
        return copy.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return false }
            return memchr(start, 0, bytes.count) != nil
        }
    }
}
