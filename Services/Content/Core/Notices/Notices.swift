import Postgres
import ServiceKit

/// Notices in `content.notices` and who has read them (`content.notice_reads`).
struct Notices: Sendable {
    let database: PostgresPool

    private static let shown = Publications.shownNowWithWindow

    /// One page of the notices on show, newest first, and how many there are.
    func page(_ page: PageRequest) async throws -> (notices: [NoticeRecord], total: Int) {
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: NoticeRecord.columns), count(*) OVER () AS total FROM content.notices
             WHERE \(unsafeSQL: Self.shown)
             ORDER BY published_at DESC, id DESC LIMIT \(page.size) OFFSET \(page.offset)
            """)
        let notices = try rows.map(NoticeRecord.init(row:))
        if let first = rows.first { return (notices, Int(try first.decode("total", as: Int64.self))) }
        return (notices, try await countShown())
    }

    func countShown() async throws -> Int {
        let rows = try await database.query(
            "SELECT count(*) AS total FROM content.notices WHERE \(unsafeSQL: Self.shown)")
        return Int(try rows[0].decode("total", as: Int64.self))
    }

    /// The ids among `ids` that `account` has read.
    func readIDs(account: Int64, among ids: [Int64]) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        let list = ids.map(String.init).joined(separator: ",")
        let rows = try await database.query(
            """
            SELECT notice_id FROM content.notice_reads
             WHERE account_id = \(account) AND notice_id = ANY(string_to_array(\(list), ',')::bigint[])
            """)
        return Set(try rows.map { try $0.decode("notice_id", as: Int64.self) })
    }

    /// Notice `id` when it is on show now.
    func shown(id: Int64) async throws -> NoticeRecord? {
        try await database.query(
            """
            SELECT \(unsafeSQL: NoticeRecord.columns) FROM content.notices
             WHERE id = \(id) AND \(unsafeSQL: Self.shown)
            """
        ).first.map(NoticeRecord.init(row:))
    }

    /// The newest dialog notice on show.
    func dialog() async throws -> NoticeRecord? {
        try await database.query(
            """
            SELECT \(unsafeSQL: NoticeRecord.columns) FROM content.notices
             WHERE is_dialog AND \(unsafeSQL: Self.shown)
             ORDER BY edition_at DESC NULLS LAST, id DESC LIMIT 1
            """
        ).first.map(NoticeRecord.init(row:))
    }

    /// Records that `account` read notice `id` (again is harmless).
    func markRead(account: Int64, notice id: Int64) async throws {
        try await database.execute(
            """
            INSERT INTO content.notice_reads (account_id, notice_id) VALUES (\(account), \(id))
            ON CONFLICT DO NOTHING
            """)
    }

    /// How many notices on show `account` has not read.
    func unreadCount(account: Int64) async throws -> Int {
        let rows = try await database.query(
            """
            SELECT count(*) AS unread FROM content.notices n
             WHERE \(unsafeSQL: Self.shown)
               AND NOT EXISTS (SELECT 1 FROM content.notice_reads r
                                WHERE r.account_id = \(account) AND r.notice_id = n.id)
            """)
        return Int(try rows[0].decode("unread", as: Int64.self))
    }

    func all() async throws -> [NoticeRecord] {
        try await database.query(
            "SELECT \(unsafeSQL: NoticeRecord.columns) FROM content.notices ORDER BY id DESC LIMIT 1000"
        ).map(NoticeRecord.init(row:))
    }

    func create(_ fields: NoticeFields) async throws -> NoticeRecord {
        let rows = try await database.query(
            """
            INSERT INTO content.notices (title, summary, body, is_dialog)
            VALUES (\(fields.title ?? ""), \(fields.summary ?? ""), \(fields.body ?? ""), \(fields.isDialog ?? false))
            RETURNING \(unsafeSQL: NoticeRecord.columns)
            """)
        return try NoticeRecord(row: rows[0])
    }

    /// Applies the given fields; a published notice gets a new edition, so its dialog shows again.
    func update(id: Int64, _ fields: NoticeFields) async throws -> NoticeRecord? {
        try await database.query(
            """
            UPDATE content.notices
               SET title = COALESCE(\(fields.title), title), summary = COALESCE(\(fields.summary), summary),
                   body = COALESCE(\(fields.body), body), is_dialog = COALESCE(\(fields.isDialog), is_dialog),
                   edition_at = CASE WHEN status = 'published' THEN now() ELSE edition_at END, updated_at = now()
             WHERE id = \(id)
            RETURNING \(unsafeSQL: NoticeRecord.columns)
            """
        ).first.map(NoticeRecord.init(row:))
    }
}

extension Notices {
    func find(id: Int64) async throws -> NoticeRecord? {
        try await database.query("SELECT \(unsafeSQL: NoticeRecord.columns) FROM content.notices WHERE id = \(id)")
            .first.map(NoticeRecord.init(row:))
    }
}
