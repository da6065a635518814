import Postgres
import ServiceKit

/// Categories in `content.categories`, with the `cat_code` scheme of the app base API.
struct Categories: Sendable {
    let database: PostgresPool

    func find(id: Int64) async throws -> CategoryRecord? {
        try await database.query(
            "SELECT \(unsafeSQL: CategoryRecord.columns) FROM content.categories WHERE id = \(id)"
        ).first.map(CategoryRecord.init(row:))
    }

    /// Every category of `type`, in display order (sort order, then id).
    func all(type: CategoryType) async throws -> [CategoryRecord] {
        try await database.query(
            """
            SELECT \(unsafeSQL: CategoryRecord.columns) FROM content.categories
             WHERE cat_type = \(type.rawValue) ORDER BY sort_order, id
            """
        ).map(CategoryRecord.init(row:))
    }

    /// A new category below `parent` (nil: a top one) with the next free code of its level.
    func create(
        type: CategoryType, parent: CategoryRecord?, name: String, sortOrder: Int64
    ) async throws
        -> Result<CategoryRecord, PlainRefusal>
    {
        try await database.transaction { transaction in
            _ = try await transaction.query("SELECT pg_advisory_xact_lock(hashtext('content.categories'))")
            let depth = parent.map { CategoryCode.depth(of: $0.code) + 1 } ?? 1
            guard depth <= CategoryCode.maximumDepth else {
                return .failure(.invalid("categories nest at most \(CategoryCode.maximumDepth) levels deep"))
            }
            let siblings = try await transaction.query(
                "SELECT cat_code FROM content.categories WHERE parent_id IS NOT DISTINCT FROM \(parent?.id)")
            var highest = CategoryCode.firstNumber - 1
            for row in siblings {
                let code: String = try row.decode("cat_code")
                if let number = CategoryCode.number(of: code, depth: depth) { highest = max(highest, number) }
            }
            guard highest < CategoryCode.lastNumber else {
                return .failure(.invalid("this level already has the most categories the code scheme allows"))
            }
            let code = CategoryCode.code(parentCode: parent?.code, number: highest + 1)
            let rows = try await transaction.query(
                """
                INSERT INTO content.categories (cat_type, parent_id, name, cat_code, sort_order)
                VALUES (\(type.rawValue), \(parent?.id), \(name), \(code), \(sortOrder))
                RETURNING \(unsafeSQL: CategoryRecord.columns)
                """)
            return .success(try CategoryRecord(row: rows[0]))
        }
    }

    func update(id: Int64, name: String?, sortOrder: Int64?) async throws -> CategoryRecord? {
        try await database.query(
            """
            UPDATE content.categories
               SET name = COALESCE(\(name), name), sort_order = COALESCE(\(sortOrder), sort_order), updated_at = now()
             WHERE id = \(id)
            RETURNING \(unsafeSQL: CategoryRecord.columns)
            """
        ).first.map(CategoryRecord.init(row:))
    }

    /// Deletes category `id` when nothing refers to it; the refusal says what still does.
    func delete(id: Int64) async throws -> PlainRefusal? {
        try await database.transaction { transaction in
            let rows = try await transaction.query(
                """
                SELECT (SELECT count(*) FROM content.categories WHERE parent_id = \(id)) AS children,
                       (SELECT count(*) FROM content.links WHERE cat_id = \(id)) AS links,
                       (SELECT count(*) FROM content.news WHERE cat_id = \(id)) AS news
                """)
            let children: Int64 = try rows[0].decode("children")
            let links: Int64 = try rows[0].decode("links")
            let news: Int64 = try rows[0].decode("news")
            guard children == 0, links == 0, news == 0 else {
                return .invalid("the category still has \(children) subcategories, \(links) links and \(news) articles")
            }
            let deleted = try await transaction.execute("DELETE FROM content.categories WHERE id = \(id)")
            return deleted == 0 ? .notFound("分类不存在") : nil
        }
    }
}
