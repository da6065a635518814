import Foundation
import Postgres

/// One news article as stored.
struct NewsRecord: Sendable, Equatable {
    static let summaryColumns =
        "id, cat_id, title, intro, image_url, source, status, published_at, created_at, updated_at"
    static let columns = summaryColumns + ", content"

    let id: Int64
    let categoryID: Int64
    let title: String
    let intro: String
    let imageURL: String
    let source: String
    let status: String
    let publishedAt: Date?
    let createdAt: Date
    let updatedAt: Date
    /// nil when read without the body.
    let content: String?

    init(row: PostgresRow, withContent: Bool) throws {
        id = try row.decode("id")
        categoryID = try row.decode("cat_id")
        title = try row.decode("title")
        intro = try row.decode("intro")
        imageURL = try row.decode("image_url")
        source = try row.decode("source")
        status = try row.decode("status")
        publishedAt = try row.decode("published_at")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        content = withContent ? try row.decode("content", as: String.self) : nil
    }

    /// When clients see it as published.
    var shownTime: Date { publishedAt ?? createdAt }
}

/// The fields an admin gives when creating or editing an article; nil leaves a field as it is.
struct NewsFields: Sendable {
    var categoryID: Int64?
    var title: String?
    var intro: String?
    var imageURL: String?
    var source: String?
    var content: String?
}
