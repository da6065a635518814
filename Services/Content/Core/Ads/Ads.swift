import Postgres

/// Ads in `content.ads`: what each position shows now, and the admin's list and edits.
struct Ads: Sendable {
    let database: PostgresPool

    /// The ads of `position` on show now, in their order.
    func shown(position: String, limit: Int = 20) async throws -> [AdRecord] {
        try await database.query(
            """
            SELECT \(unsafeSQL: AdRecord.columns) FROM content.ads
             WHERE position_code = \(position) AND \(unsafeSQL: Publications.shownNowWithWindow)
             ORDER BY sort_order, id LIMIT \(limit)
            """
        ).map(AdRecord.init(row:))
    }

    /// Every ad, optionally of one position, newest first.
    func all(position: String?) async throws -> [AdRecord] {
        try await database.query(
            """
            SELECT \(unsafeSQL: AdRecord.columns) FROM content.ads
             WHERE \(position)::text IS NULL OR position_code = \(position)
             ORDER BY id DESC LIMIT 1000
            """
        ).map(AdRecord.init(row:))
    }

    func create(_ fields: AdFields) async throws -> AdRecord {
        let rows = try await database.query(
            """
            INSERT INTO content.ads (position_code, name, image_url, target_url, sort_order)
            VALUES (\(fields.positionCode ?? ""), \(fields.name ?? ""), \(fields.imageURL ?? ""),
                    \(fields.targetURL ?? ""), \(fields.sortOrder ?? 0))
            RETURNING \(unsafeSQL: AdRecord.columns)
            """)
        return try AdRecord(row: rows[0])
    }

    /// Applies the given fields to ad `id`; nil when there is no such ad.
    func update(id: Int64, _ fields: AdFields) async throws -> AdRecord? {
        try await database.query(
            """
            UPDATE content.ads
               SET position_code = COALESCE(\(fields.positionCode), position_code),
                   name = COALESCE(\(fields.name), name),
                   image_url = COALESCE(\(fields.imageURL), image_url),
                   target_url = COALESCE(\(fields.targetURL), target_url),
                   sort_order = COALESCE(\(fields.sortOrder), sort_order), updated_at = now()
             WHERE id = \(id)
            RETURNING \(unsafeSQL: AdRecord.columns)
            """
        ).first.map(AdRecord.init(row:))
    }
}

extension Ads {
    func find(id: Int64) async throws -> AdRecord? {
        try await database.query("SELECT \(unsafeSQL: AdRecord.columns) FROM content.ads WHERE id = \(id)")
            .first.map(AdRecord.init(row:))
    }
}
