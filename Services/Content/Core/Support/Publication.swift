import Foundation
import JSON
import Postgres

/// Where a piece of content stands: `draft` (being written), `published` (shown, inside its window
/// where it has one) or `withdrawn` (taken down).
enum PublicationStatus: String, Sendable, CaseIterable {
    case draft
    case published
    case withdrawn
}

/// The tables whose rows are published and withdrawn through the admin surface. Names are fixed
/// here, never taken from input.
enum PublishedTable: String, Sendable {
    case ads
    case links
    case notices
    case news
    case versions = "app_versions"

    var qualified: String { "content.\(rawValue)" }

    /// Whether rows have a display window (`starts_at`, `ends_at`).
    var hasWindow: Bool { self == .ads || self == .notices }
}

/// Publishing, withdrawing and scheduling rows of a `PublishedTable`.
struct Publications: Sendable {
    let database: PostgresPool

    /// Sets the status of row `id`; false when there is no such row. Publishing a news article or a
    /// notice stamps its publication time the first time; a notice also gets a new edition.
    func set(_ status: PublicationStatus, table: PublishedTable, id: Int64) async throws -> Bool {
        var extra = ""
        if status == .published && (table == .notices || table == .news) {
            extra += ", published_at = COALESCE(published_at, now())"
        }
        if status == .published && table == .notices { extra += ", edition_at = now()" }
        let changed = try await database.execute(
            """
            UPDATE \(unsafeSQL: table.qualified) SET status = \(status.rawValue), updated_at = now()\(unsafeSQL: extra)
             WHERE id = \(id)
            """)
        return changed > 0
    }

    /// Sets the window of row `id` (nil clears an end); false when there is no such row.
    func schedule(table: PublishedTable, id: Int64, startsAt: Date?, endsAt: Date?) async throws -> Bool {
        precondition(table.hasWindow)
        let changed = try await database.execute(
            """
            UPDATE \(unsafeSQL: table.qualified) SET starts_at = \(startsAt), ends_at = \(endsAt), updated_at = now()
             WHERE id = \(id)
            """)
        return changed > 0
    }

    /// The SQL condition of rows on show now, for a table with a window.
    static let shownNowWithWindow =
        "status = 'published' AND (starts_at IS NULL OR starts_at <= now()) AND (ends_at IS NULL OR ends_at > now())"
}
