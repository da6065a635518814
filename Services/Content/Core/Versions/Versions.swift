import Postgres

/// App versions in `content.app_versions`.
struct Versions: Sendable {
    let database: PostgresPool

    /// The published versions of `platform`.
    func published(platform: Int) async throws -> [VersionRecord] {
        try await database.query(
            """
            SELECT \(unsafeSQL: VersionRecord.columns) FROM content.app_versions
             WHERE platform = \(platform) AND status = 'published'
            """
        ).map(VersionRecord.init(row:))
    }

    func all(platform: Int64?) async throws -> [VersionRecord] {
        try await database.query(
            """
            SELECT \(unsafeSQL: VersionRecord.columns) FROM content.app_versions
             WHERE \(platform)::bigint IS NULL OR platform = \(platform)
             ORDER BY id DESC LIMIT 1000
            """
        ).map(VersionRecord.init(row:))
    }

    /// A new draft version; nil when the platform, channel and version exist already.
    func create(_ fields: VersionFields) async throws -> VersionRecord? {
        try await database.query(
            """
            INSERT INTO content.app_versions
                   (platform, channel, app_v, title, description, download_url, upgrade_way, dialog_repeat)
            VALUES (\(fields.platform ?? 0), \(fields.channel ?? ""), \(fields.appVersion ?? ""), \(fields.title ?? ""),
                    \(fields.description ?? ""), \(fields.downloadURL ?? ""), \(fields.upgradeWay ?? 1),
                    \(fields.dialogRepeat ?? false))
            ON CONFLICT (platform, channel, app_v) DO NOTHING
            RETURNING \(unsafeSQL: VersionRecord.columns)
            """
        ).first.map(VersionRecord.init(row:))
    }

    func update(id: Int64, _ fields: VersionFields) async throws -> VersionRecord? {
        try await database.query(
            """
            UPDATE content.app_versions
               SET title = COALESCE(\(fields.title), title), description = COALESCE(\(fields.description), description),
                   download_url = COALESCE(\(fields.downloadURL), download_url),
                   upgrade_way = COALESCE(\(fields.upgradeWay), upgrade_way),
                   dialog_repeat = COALESCE(\(fields.dialogRepeat), dialog_repeat), updated_at = now()
             WHERE id = \(id)
            RETURNING \(unsafeSQL: VersionRecord.columns)
            """
        ).first.map(VersionRecord.init(row:))
    }
}

extension Versions {
    func find(id: Int64) async throws -> VersionRecord? {
        try await database.query(
            "SELECT \(unsafeSQL: VersionRecord.columns) FROM content.app_versions WHERE id = \(id)"
        )
        .first.map(VersionRecord.init(row:))
    }
}
