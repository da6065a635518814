import Foundation
import Postgres

/// One notice as stored.
struct NoticeRecord: Sendable, Equatable {
    static let columns =
        "id, title, summary, body, is_dialog, status, starts_at, ends_at, published_at, edition_at, "
        + "created_at, updated_at"

    let id: Int64
    let title: String
    let summary: String
    let body: String
    let isDialog: Bool
    let status: String
    let startsAt: Date?
    let endsAt: Date?
    let publishedAt: Date?
    let editionAt: Date?
    let createdAt: Date
    let updatedAt: Date

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        title = try row.decode("title")
        summary = try row.decode("summary")
        body = try row.decode("body")
        isDialog = try row.decode("is_dialog")
        status = try row.decode("status")
        startsAt = try row.decode("starts_at")
        endsAt = try row.decode("ends_at")
        publishedAt = try row.decode("published_at")
        editionAt = try row.decode("edition_at")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
    }

    /// The dialog notice's edition: the notice id followed by the Unix time of its latest edition,
    /// zero-padded to 19 digits (the shape of the document's example `40000000001556786349`). A client
    /// that stored it shows the dialog again only when it changes.
    var edition: String {
        let seconds = Int64((editionAt ?? publishedAt ?? createdAt).timeIntervalSince1970)
        let digits = String(seconds)
        return "\(id)" + String(repeating: "0", count: max(0, 19 - digits.count)) + digits
    }

    /// When clients see it as published.
    var shownTime: Date { publishedAt ?? createdAt }
}

/// The fields an admin gives when creating or editing a notice; nil leaves a field as it is.
struct NoticeFields: Sendable {
    var title: String?
    var summary: String?
    var body: String?
    var isDialog: Bool?
}
