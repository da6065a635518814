import Postgres
import ServiceKit

/// News articles in `content.news`.
struct News: Sendable {
    let database: PostgresPool

    /// One page of published articles, newest first, of the categories whose code starts with
    /// `codePrefix` (a category and everything below it), or of every category when nil.
    func page(codePrefix: String?, _ page: PageRequest) async throws -> (articles: [NewsRecord], total: Int) {
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: NewsRecord.summaryColumns), count(*) OVER () AS total FROM content.news
             WHERE status = 'published'
               AND (\(codePrefix)::text IS NULL
                    OR cat_id IN (SELECT id FROM content.categories WHERE starts_with(cat_code, \(codePrefix))))
             ORDER BY published_at DESC, id DESC LIMIT \(page.size) OFFSET \(page.offset)
            """)
        let articles = try rows.map { try NewsRecord(row: $0, withContent: false) }
        if let first = rows.first { return (articles, Int(try first.decode("total", as: Int64.self))) }
        let counted = try await database.query(
            """
            SELECT count(*) AS total FROM content.news
             WHERE status = 'published'
               AND (\(codePrefix)::text IS NULL
                    OR cat_id IN (SELECT id FROM content.categories WHERE starts_with(cat_code, \(codePrefix))))
            """)
        return (articles, Int(try counted[0].decode("total", as: Int64.self)))
    }

    /// Article `id` with its content, when published.
    func published(id: Int64) async throws -> NewsRecord? {
        try await database.query(
            "SELECT \(unsafeSQL: NewsRecord.columns) FROM content.news WHERE id = \(id) AND status = 'published'"
        ).first.map { try NewsRecord(row: $0, withContent: true) }
    }

    func all(categoryID: Int64?) async throws -> [NewsRecord] {
        try await database.query(
            """
            SELECT \(unsafeSQL: NewsRecord.summaryColumns) FROM content.news
             WHERE \(categoryID)::bigint IS NULL OR cat_id = \(categoryID)
             ORDER BY id DESC LIMIT 1000
            """
        ).map { try NewsRecord(row: $0, withContent: false) }
    }

    func create(_ fields: NewsFields) async throws -> NewsRecord {
        let rows = try await database.query(
            """
            INSERT INTO content.news (cat_id, title, intro, image_url, source, content)
            VALUES (\(fields.categoryID ?? 0), \(fields.title ?? ""), \(fields.intro ?? ""), \(fields.imageURL ?? ""),
                    \(fields.source ?? ""), \(fields.content ?? ""))
            RETURNING \(unsafeSQL: NewsRecord.columns)
            """)
        return try NewsRecord(row: rows[0], withContent: true)
    }

    func update(id: Int64, _ fields: NewsFields) async throws -> NewsRecord? {
        try await database.query(
            """
            UPDATE content.news
               SET cat_id = COALESCE(\(fields.categoryID), cat_id), title = COALESCE(\(fields.title), title),
                   intro = COALESCE(\(fields.intro), intro), image_url = COALESCE(\(fields.imageURL), image_url),
                   source = COALESCE(\(fields.source), source), content = COALESCE(\(fields.content), content),
                   updated_at = now()
             WHERE id = \(id)
            RETURNING \(unsafeSQL: NewsRecord.columns)
            """
        ).first.map { try NewsRecord(row: $0, withContent: true) }
    }
}

extension News {
    func find(id: Int64) async throws -> NewsRecord? {
        try await database.query("SELECT \(unsafeSQL: NewsRecord.columns) FROM content.news WHERE id = \(id)")
            .first.map { try NewsRecord(row: $0, withContent: true) }
    }
}
