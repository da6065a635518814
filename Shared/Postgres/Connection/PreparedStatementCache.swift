/// The prepared statements of one connection, keyed by SQL text and parameter types, with names `s1`, `s2`, ….
///
/// Parameter types are part of the key because a statement prepared with, say, an `int8` parameter cannot
/// take a `float8` value later. When full, the least recently used statement is evicted and its name is
/// returned so the caller can `DEALLOCATE` it. Names are never reused.
struct PreparedStatementCache {
    struct Key: Hashable {
        let sql: String
        let types: [PostgresTypeOID]
    }

    private struct Entry {
        let name: String
        var lastUse: UInt64
    }

    private let capacity: Int
    private var entries: [Key: Entry] = [:]
    private var useCounter: UInt64 = 0
    private var nextNumber = 1

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    var count: Int { entries.count }

    /// The statement name for `key`, marking it as just used; nil when it is not prepared.
    mutating func name(for key: Key) -> String? {
        guard let index = entries.index(forKey: key) else { return nil }
        useCounter += 1
        entries.values[index].lastUse = useCounter
        return entries.values[index].name
    }

    /// A name that was never used on this connection.
    mutating func makeName() -> String {
        defer { nextNumber += 1 }
        return "s\(nextNumber)"
    }

    /// Records a prepared statement; returns the name of the statement evicted to make room, if any.
    mutating func insert(_ key: Key, name: String) -> String? {
        var evicted: String?
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            entries[oldest.key] = nil
            evicted = oldest.value.name
        }
        useCounter += 1
        entries[key] = Entry(name: name, lastUse: useCounter)
        return evicted
    }
}
