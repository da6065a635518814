import Postgres

/// A merchant category: a top category (`parentID` nil) or one of its children. Status 1 shown, 2
/// hidden.
struct MerchantCategory: Sendable, Equatable {
    static let columns = "id, parent_id, name, icon, sort_order, status"
    static let shown: Int64 = 1
    static let hidden: Int64 = 2

    let id: Int64
    let parentID: Int64?
    let name: String
    let icon: String
    let sortOrder: Int64
    let status: Int64

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        parentID = try row.decode("parent_id")
        name = try row.decode("name")
        icon = try row.decode("icon")
        sortOrder = try row.decode("sort_order")
        status = try row.decode("status")
    }
}
