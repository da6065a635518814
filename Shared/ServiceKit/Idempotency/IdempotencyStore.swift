import JSON
import Mesh
import Postgres

/// Runs mutating operations at most once per idempotency key, inside the caller's transaction, so
/// the business write and the key commit together or not at all.
///
/// The table (one per service, in its own schema, created by its migration) is
/// `key text PRIMARY KEY, fingerprint text NOT NULL, reply json, created_at timestamptz`. The key is
/// claimed with `INSERT … ON CONFLICT DO NOTHING RETURNING`: a used key is found without an error in
/// PostgreSQL, so retry storms do not fill its log. A concurrent duplicate waits on the key's row
/// until the first transaction ends and then reads its reply; if that transaction rolled back, the
/// duplicate claims the key and runs the work itself. Use it under READ COMMITTED (the pool's default).
public struct IdempotencyStore: Sendable {
    /// The schema-qualified table, such as `users.idempotency_replies`.
    public let table: String

    /// `table` is a schema-qualified name of lower-case letters, digits and `_`.
    public init(table: String) {
        precondition(
            Self.isQualifiedName(table),
            "the idempotency table must be written schema.table in lower-case letters, digits and '_', got \(table)")
        self.table = table
    }

    /// Runs `work` once for `key` and `fingerprint` within `transaction`, storing its reply; answers
    /// the stored reply when the key was used for the same request, and refuses a key used for another.
    public func perform<Reply: MeshMessage>(
        key: String, fingerprint: IdempotencyFingerprint, on transaction: PostgresTransaction,
        _ work: (PostgresTransaction) async throws -> Reply
    ) async throws -> IdempotentOutcome<Reply> {
        let claimed = try await transaction.query(
            """
            INSERT INTO \(unsafeSQL: table) (key, fingerprint) VALUES (\(key), \(fingerprint.hex))
            ON CONFLICT (key) DO NOTHING
            RETURNING key
            """)
        guard claimed.isEmpty else {
            let reply = try await work(transaction)
            let text = JSONValue.object(reply.json).serialized()
            try await transaction.execute("UPDATE \(unsafeSQL: table) SET reply = \(text)::json WHERE key = \(key)")
            return .fresh(reply)
        }
        let rows = try await transaction.query(
            "SELECT fingerprint, reply::text AS reply FROM \(unsafeSQL: table) WHERE key = \(key)")
        guard let row = rows.first else {
            throw IdempotencyRecordBroken(table: table, key: key, reason: "its row vanished while it was read")
        }
        guard try row.decode("fingerprint", as: String.self) == fingerprint.hex else {
            return .keyReused(IdempotencyKeyReused(key: key))
        }
        guard let text = try row.decode("reply", as: String?.self) else {
            throw IdempotencyRecordBroken(table: table, key: key, reason: "it has no reply")
        }
        guard case .object(let object)? = try? JSONValue.parse(text) else {
            throw IdempotencyRecordBroken(table: table, key: key, reason: "its reply is not a JSON object")
        }
        do {
            return .replayed(try Reply(json: object))
        } catch {
            throw IdempotencyRecordBroken(table: table, key: key, reason: "its reply cannot be read: \(error)")
        }
    }

    static func isQualifiedName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2
            && parts.allSatisfy { part in
                guard let first = part.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
                    return false
                }
                return part.utf8.count <= 63
                    && part.utf8.allSatisfy {
                        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_")
                    }
            }
    }
}
