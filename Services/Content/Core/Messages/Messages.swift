import Postgres
import ServiceKit

/// Messages in `content.messages` (to one account or to everyone) and their per-account read state.
struct Messages: Sendable {
    let database: PostgresPool

    /// One page of the messages `account` received, newest first, each with whether it was read.
    func page(account: Int64, _ page: PageRequest) async throws -> (messages: [(MessageRecord, Bool)], total: Int) {
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: MessageRecord.columns),
                   EXISTS (SELECT 1 FROM content.message_reads r
                            WHERE r.account_id = \(account) AND r.message_id = m.id)
                       AS is_read,
                   count(*) OVER () AS total
              FROM content.messages m
             WHERE status = 'published' AND (account_id = \(account) OR account_id IS NULL)
             ORDER BY id DESC LIMIT \(page.size) OFFSET \(page.offset)
            """)
        let messages = try rows.map { (try MessageRecord(row: $0), try $0.decode("is_read", as: Bool.self)) }
        if let first = rows.first { return (messages, Int(try first.decode("total", as: Int64.self))) }
        let counted = try await database.query(
            """
            SELECT count(*) AS total FROM content.messages
             WHERE status = 'published' AND (account_id = \(account) OR account_id IS NULL)
            """)
        return (messages, Int(try counted[0].decode("total", as: Int64.self)))
    }

    /// Marks message `id` read for `account`: false when `account` did not receive such a message.
    /// Marking again changes nothing.
    func markRead(account: Int64, message id: Int64) async throws -> Bool {
        let rows = try await database.query(
            """
            WITH target AS (
                SELECT id FROM content.messages
                 WHERE id = \(id) AND status = 'published' AND (account_id = \(account) OR account_id IS NULL)
            ), marked AS (
                INSERT INTO content.message_reads (account_id, message_id)
                SELECT \(account), id FROM target
                ON CONFLICT DO NOTHING
            )
            SELECT count(*) AS found FROM target
            """)
        return try rows[0].decode("found", as: Int64.self) > 0
    }

    func all(account: Int64?) async throws -> [MessageRecord] {
        try await database.query(
            """
            SELECT \(unsafeSQL: MessageRecord.columns) FROM content.messages
             WHERE \(account)::bigint IS NULL OR account_id = \(account)
             ORDER BY id DESC LIMIT 1000
            """
        ).map(MessageRecord.init(row:))
    }

    func send(_ draft: MessageDraft) async throws -> MessageRecord {
        let rows = try await database.query(
            """
            INSERT INTO content.messages (account_id, msg_type, type_ref_id, title, content, url)
            VALUES (\(draft.accountID), \(draft.type), \(draft.typeRefID), \(draft.title), \(draft.content),
                    \(draft.url))
            RETURNING \(unsafeSQL: MessageRecord.columns)
            """)
        return try MessageRecord(row: rows[0])
    }

    /// Takes message `id` back; false when there is no such message.
    func withdraw(id: Int64) async throws -> Bool {
        try await database.execute("UPDATE content.messages SET status = 'withdrawn' WHERE id = \(id)") > 0
    }
}
