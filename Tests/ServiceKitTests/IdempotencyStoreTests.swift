import JSON
import Mesh
import Postgres
import ServiceKit
import Testing

/// The idempotency store against a real PostgreSQL: a key runs its work once, replays its reply for
/// the same request, refuses another request, and finds a used key without raising an error.
@Suite(.enabled(if: ScratchDatabase.isConfigured, ScratchDatabase.skipReason))
struct IdempotencyStoreTests {
    /// The reply the test operation stores: the counter after the increment.
    struct Counted: MeshMessage {
        let value: Int64
        init(value: Int64) { self.value = value }
        init(json: JSONObject) throws(MeshProtocolError) { value = try MeshFields(json).integer("value") }
        var json: JSONObject { ["value": .integer(value)] }
    }

    /// A schema with the store's table (as a service's migration creates it) and a counter to raise.
    private func prepare(_ pool: PostgresPool, _ schema: String) async throws -> IdempotencyStore {
        try await pool.execute(
            """
            CREATE TABLE \(unsafeSQL: schema).idempotency_replies (
                key text PRIMARY KEY, fingerprint text NOT NULL, reply json,
                created_at timestamptz NOT NULL DEFAULT now())
            """)
        try await pool.execute("CREATE TABLE \(unsafeSQL: schema).counter (id int PRIMARY KEY, value bigint NOT NULL)")
        try await pool.execute("INSERT INTO \(unsafeSQL: schema).counter VALUES (1, 0)")
        return IdempotencyStore(table: "\(schema).idempotency_replies")
    }

    /// Raises the counter by `step` once for `key`.
    private func raise(
        _ pool: PostgresPool, _ store: IdempotencyStore, _ schema: String, key: String, step: Int64
    ) async throws -> IdempotentOutcome<Counted> {
        let fingerprint = IdempotencyFingerprint(operation: "counter.raise", request: ["step": .integer(step)])
        return try await pool.transaction { transaction in
            try await store.perform(key: key, fingerprint: fingerprint, on: transaction) { transaction in
                let rows = try await transaction.query(
                    "UPDATE \(unsafeSQL: schema).counter SET value = value + \(step) WHERE id = 1 RETURNING value")
                return Counted(value: try rows[0].decode("value", as: Int64.self))
            }
        }
    }

    private func counter(_ pool: PostgresPool, _ schema: String) async throws -> Int64 {
        try await pool.query("SELECT value FROM \(unsafeSQL: schema).counter WHERE id = 1")[0].decode(
            "value", as: Int64.self)
    }

    @Test func theSameKeyAndRequestReplaysTheStoredReply() async throws {
        try await ScratchDatabase.withSchema { pool, schema in
            let store = try await prepare(pool, schema)
            guard case .fresh(let first) = try await raise(pool, store, schema, key: "k-1", step: 5) else {
                Issue.record("the first use of a key must run the work")
                return
            }
            guard case .replayed(let again) = try await raise(pool, store, schema, key: "k-1", step: 5) else {
                Issue.record("the second use of a key must replay")
                return
            }
            #expect(first == Counted(value: 5) && again == first)
            #expect(try await counter(pool, schema) == 5)
        }
    }

    @Test func theSameKeyWithAnotherRequestIsRefused() async throws {
        try await ScratchDatabase.withSchema { pool, schema in
            let store = try await prepare(pool, schema)
            _ = try await raise(pool, store, schema, key: "k-2", step: 5)
            guard case .keyReused(let refusal) = try await raise(pool, store, schema, key: "k-2", step: 6) else {
                Issue.record("a key used for another request must be refused")
                return
            }
            #expect(refusal.reply.kind == .invalidState)
            #expect(refusal.reply.message.contains("\"k-2\"") && refusal.reply.message.contains("already used"))
            #expect(try await counter(pool, schema) == 5)
        }
    }

    @Test func concurrentDuplicatesApplyOnce() async throws {
        try await ScratchDatabase.withSchema(poolSize: 8) { pool, schema in
            let store = try await prepare(pool, schema)
            let outcomes = try await withThrowingTaskGroup(of: IdempotentOutcome<Counted>.self) { group in
                for _ in 0..<64 {
                    group.addTask { try await raise(pool, store, schema, key: "k-storm", step: 3) }
                }
                var outcomes: [IdempotentOutcome<Counted>] = []
                for try await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            var fresh = 0
            for outcome in outcomes {
                switch outcome {
                case .fresh(let reply):
                    fresh += 1
                    #expect(reply.value == 3)
                case .replayed(let reply): #expect(reply.value == 3)
                case .keyReused: Issue.record("the same request was refused")
                }
            }
            #expect(outcomes.count == 64 && fresh == 1)
            #expect(try await counter(pool, schema) == 3)
        }
    }

    @Test func aReplayRaisesNoErrorInPostgreSQL() async throws {
        try await ScratchDatabase.withSchema { pool, schema in
            let store = try await prepare(pool, schema)
            _ = try await raise(pool, store, schema, key: "k-quiet", step: 1)
            let fingerprint = IdempotencyFingerprint(operation: "counter.raise", request: ["step": 1])
            // PostgreSQL aborts a transaction at its first failing statement: every later statement then
            // fails and COMMIT answers ROLLBACK. So a replay followed by a working statement and a commit
            // proves the replay ran no failing statement (and wrote no error to the server's log).
            let after = try await pool.transaction { transaction in
                let outcome = try await store.perform(key: "k-quiet", fingerprint: fingerprint, on: transaction) {
                    _ -> Counted in
                    Issue.record("a replay must not run the work")
                    return Counted(value: -1)
                }
                guard case .replayed(let reply) = outcome else { throw ReplayExpected() }
                let rows = try await transaction.query(
                    "SELECT value FROM \(unsafeSQL: schema).counter WHERE id = 1")
                #expect(try rows[0].decode("value", as: Int64.self) == reply.value)
                return reply
            }
            #expect(after == Counted(value: 1))
        }
    }

    /// The work ran where the stored reply should have answered.
    struct ReplayExpected: Error {}
}
