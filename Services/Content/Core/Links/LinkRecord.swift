import Foundation
import Postgres

/// One friendly link as stored.
struct LinkRecord: Sendable, Equatable {
    static let columns = "id, cat_id, name, url, image_url, sort_order, status, created_at, updated_at"

    let id: Int64
    let categoryID: Int64
    let name: String
    let url: String
    let imageURL: String
    let sortOrder: Int
    let status: String
    let createdAt: Date
    let updatedAt: Date

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        categoryID = try row.decode("cat_id")
        name = try row.decode("name")
        url = try row.decode("url")
        imageURL = try row.decode("image_url")
        sortOrder = try row.decode("sort_order")
        status = try row.decode("status")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
    }
}

/// The fields an admin gives when creating or editing a link; nil leaves a field as it is.
struct LinkFields: Sendable {
    var categoryID: Int64?
    var name: String?
    var url: String?
    var imageURL: String?
    var sortOrder: Int64?
}
