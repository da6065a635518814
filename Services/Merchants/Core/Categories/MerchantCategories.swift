import Postgres

/// Merchant categories in `merchants.merchant_categories`: two levels, shown in sort order.
struct MerchantCategories: Sendable {
    let database: PostgresPool

    /// Every category, top categories and children alike, in display order.
    func all() async throws -> [MerchantCategory] {
        try await database.query(
            """
            SELECT \(unsafeSQL: MerchantCategory.columns) FROM merchants.merchant_categories
             ORDER BY sort_order, id
            """
        ).map(MerchantCategory.init(row:))
    }

    /// Category `id` when it is shown and so is its parent; nil otherwise.
    func shown(id: Int64) async throws -> MerchantCategory? {
        try await database.query(
            """
            SELECT c.id, c.parent_id, c.name, c.icon, c.sort_order, c.status
              FROM merchants.merchant_categories c
              LEFT JOIN merchants.merchant_categories p ON p.id = c.parent_id
             WHERE c.id = \(id) AND c.status = 1 AND (p.id IS NULL OR p.status = 1)
            """
        ).first.map(MerchantCategory.init(row:))
    }
}

/// The shown categories as a tree: top categories in display order, each with its shown children.
struct CategoryTree: Sendable, Equatable {
    struct Node: Sendable, Equatable {
        let category: MerchantCategory
        let children: [MerchantCategory]
    }

    let nodes: [Node]

    init(_ categories: [MerchantCategory]) {
        let shown = categories.filter { $0.status == MerchantCategory.shown }
        nodes = shown.filter { $0.parentID == nil }.map { top in
            Node(category: top, children: shown.filter { $0.parentID == top.id })
        }
    }
}
