import Foundation
import JSON
import Postgres

/// One category as stored.
struct CategoryRecord: Sendable, Equatable {
    static let columns = "id, cat_type, parent_id, name, cat_code, sort_order, created_at, updated_at"

    let id: Int64
    let type: Int
    /// nil for a top category (the API writes 0).
    let parentID: Int64?
    let name: String
    let code: String
    let sortOrder: Int
    let createdAt: Date
    let updatedAt: Date

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        type = try row.decode("cat_type")
        parentID = try row.decode("parent_id")
        name = try row.decode("name")
        code = try row.decode("cat_code")
        sortOrder = try row.decode("sort_order")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
    }

    /// The fields the app base API shows of a category.
    var publicFields: JSONObject {
        [
            "cat_id": .number(JSONNumber(id)), "cat_name": .string(name),
            "parentid": .number(JSONNumber(parentID ?? 0)), "cat_code": .string(code),
        ]
    }
}
