import Foundation
import Postgres

/// One ad as stored.
struct AdRecord: Sendable, Equatable {
    static let columns =
        "id, position_code, name, image_url, target_url, sort_order, status, starts_at, ends_at, "
        + "created_at, updated_at"

    let id: Int64
    let positionCode: String
    let name: String
    let imageURL: String
    let targetURL: String
    let sortOrder: Int
    let status: String
    let startsAt: Date?
    let endsAt: Date?
    let createdAt: Date
    let updatedAt: Date

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        positionCode = try row.decode("position_code")
        name = try row.decode("name")
        imageURL = try row.decode("image_url")
        targetURL = try row.decode("target_url")
        sortOrder = try row.decode("sort_order")
        status = try row.decode("status")
        startsAt = try row.decode("starts_at")
        endsAt = try row.decode("ends_at")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
    }
}

/// The fields an admin gives when creating or editing an ad; nil leaves a field as it is.
struct AdFields: Sendable {
    var positionCode: String?
    var name: String?
    var imageURL: String?
    var targetURL: String?
    var sortOrder: Int64?
}
