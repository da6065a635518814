import Postgres
import ServiceKit

/// The admin's edits of the merchant categories, keeping the two levels: a parent is always a top
/// category, and a category with children stays a top category. The categories a change involves are
/// locked first, so two changes at once cannot make a third level.
extension MerchantCategories {
    /// Category `id`, shown or hidden; nil when there is none.
    func find(id: Int64) async throws -> MerchantCategory? {
        try await database.query(
            "SELECT \(unsafeSQL: MerchantCategory.columns) FROM merchants.merchant_categories WHERE id = \(id)"
        ).first.map(MerchantCategory.init(row:))
    }

    func create(
        name: String, parentID: Int64?, icon: String, sortOrder: Int64
    ) async throws -> MerchantCategory {
        try await database.transaction { transaction in
            if let parentID { try await Self.lockParent(parentID, on: transaction) }
            return try await transaction.query(
                """
                INSERT INTO merchants.merchant_categories (parent_id, name, icon, sort_order)
                VALUES (\(parentID), \(name), \(icon), \(sortOrder))
                RETURNING \(unsafeSQL: MerchantCategory.columns)
                """
            ).map(MerchantCategory.init(row:))[0]
        }
    }

    /// Applies the given fields to category `id`; `parentID` `.some(nil)` makes it a top category. Nil
    /// when there is no such category.
    func update(
        id: Int64, name: String?, parentID: Int64??, icon: String?, sortOrder: Int64?
    ) async throws -> MerchantCategory? {
        try await database.transaction { transaction in
            if case .some(.some(let parent)) = parentID {
                guard parent != id else { throw PlainRefusal.invalid("parent_id must not be the category itself") }
                let rows = try await transaction.query(
                    """
                    SELECT id, parent_id FROM merchants.merchant_categories
                     WHERE id IN (\(id), \(parent)) ORDER BY id FOR UPDATE
                    """)
                let found = try Dictionary(
                    uniqueKeysWithValues: rows.map {
                        (try $0.decode("id", as: Int64.self), try $0.decode("parent_id", as: Int64?.self))
                    })
                guard found[id] != nil else { return nil }
                guard let grandparent = found[parent] else {
                    throw PlainRefusal.notFound("no category with parent_id \(parent)")
                }
                guard grandparent == nil else { throw Self.notTop(parent) }
                let children = try await transaction.query(
                    "SELECT 1 FROM merchants.merchant_categories WHERE parent_id = \(id) LIMIT 1")
                guard children.isEmpty else {
                    throw PlainRefusal.invalid("category \(id) has children, so it must stay a top category")
                }
            }
            return try await transaction.query(
                """
                UPDATE merchants.merchant_categories
                   SET name = COALESCE(\(name), name), icon = COALESCE(\(icon), icon),
                       sort_order = COALESCE(\(sortOrder), sort_order),
                       parent_id = CASE WHEN \(parentID != nil) THEN \(parentID ?? nil) ELSE parent_id END,
                       updated_at = now()
                 WHERE id = \(id)
                RETURNING \(unsafeSQL: MerchantCategory.columns)
                """
            ).first.map(MerchantCategory.init(row:))
        }
    }

    /// Shows (1) or hides (2) category `id`; nil when there is none.
    func setStatus(id: Int64, _ status: Int64) async throws -> MerchantCategory? {
        try await database.query(
            """
            UPDATE merchants.merchant_categories SET status = \(status), updated_at = now() WHERE id = \(id)
            RETURNING \(unsafeSQL: MerchantCategory.columns)
            """
        ).first.map(MerchantCategory.init(row:))
    }

    /// Locks category `id` and checks it may be a parent: it exists and is a top category.
    private static func lockParent(_ id: Int64, on transaction: PostgresTransaction) async throws {
        let rows = try await transaction.query(
            "SELECT parent_id FROM merchants.merchant_categories WHERE id = \(id) FOR UPDATE")
        guard let row = rows.first else { throw PlainRefusal.notFound("no category with parent_id \(id)") }
        guard try row.decode("parent_id", as: Int64?.self) == nil else {
            throw notTop(id)
        }
    }

    private static func notTop(_ id: Int64) -> PlainRefusal {
        PlainRefusal.invalid("parent_id \(id) is not a top category: categories have two levels only")
    }
}
