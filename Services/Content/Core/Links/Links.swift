import Postgres

/// Friendly links in `content.links`, grouped by their link categories.
struct Links: Sendable {
    let database: PostgresPool

    /// Published links with their category's id and name, in category order then link order.
    func shown() async throws -> [(category: (id: Int64, name: String), link: LinkRecord)] {
        let rows = try await database.query(
            """
            SELECT c.id AS category_id, c.name AS category_name,
                   l.id, l.cat_id, l.name, l.url, l.image_url, l.sort_order, l.status, l.created_at, l.updated_at
              FROM content.links l JOIN content.categories c ON c.id = l.cat_id
             WHERE l.status = 'published'
             ORDER BY c.sort_order, c.id, l.sort_order, l.id
             LIMIT 1000
            """)
        return try rows.map { row in
            ((try row.decode("category_id"), try row.decode("category_name")), try LinkRecord(row: row))
        }
    }

    func all(categoryID: Int64?) async throws -> [LinkRecord] {
        try await database.query(
            """
            SELECT \(unsafeSQL: LinkRecord.columns) FROM content.links
             WHERE \(categoryID)::bigint IS NULL OR cat_id = \(categoryID)
             ORDER BY id DESC LIMIT 1000
            """
        ).map(LinkRecord.init(row:))
    }

    func create(_ fields: LinkFields) async throws -> LinkRecord {
        let rows = try await database.query(
            """
            INSERT INTO content.links (cat_id, name, url, image_url, sort_order)
            VALUES (\(fields.categoryID ?? 0), \(fields.name ?? ""), \(fields.url ?? ""), \(fields.imageURL ?? ""),
                    \(fields.sortOrder ?? 0))
            RETURNING \(unsafeSQL: LinkRecord.columns)
            """)
        return try LinkRecord(row: rows[0])
    }

    func update(id: Int64, _ fields: LinkFields) async throws -> LinkRecord? {
        try await database.query(
            """
            UPDATE content.links
               SET cat_id = COALESCE(\(fields.categoryID), cat_id), name = COALESCE(\(fields.name), name),
                   url = COALESCE(\(fields.url), url), image_url = COALESCE(\(fields.imageURL), image_url),
                   sort_order = COALESCE(\(fields.sortOrder), sort_order), updated_at = now()
             WHERE id = \(id)
            RETURNING \(unsafeSQL: LinkRecord.columns)
            """
        ).first.map(LinkRecord.init(row:))
    }
}

extension Links {
    func find(id: Int64) async throws -> LinkRecord? {
        try await database.query("SELECT \(unsafeSQL: LinkRecord.columns) FROM content.links WHERE id = \(id)")
            .first.map(LinkRecord.init(row:))
    }
}
