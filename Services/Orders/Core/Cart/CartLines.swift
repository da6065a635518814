import Postgres

/// The cart lines in `orders.cart_lines`, always read and changed together with their owner's account
/// id, so another member's line id finds nothing and changes nothing.
struct CartLines: Sendable {
    let database: PostgresPool

    /// Adds `quantity` of `product` to the account's line of it, or makes that line, in one statement
    /// that also keeps the line's total within `CartRules.bound(of:)` and the cart within
    /// `CartRules.maximumLines`: concurrent saves of one product end in one line holding their sum, or
    /// are refused when the sum would pass the stock. Answers the line; a refusal changes nothing.
    func add(
        _ quantity: Int64, of product: CartProduct, account: Int64
    ) async throws -> Result<CartLineRecord, CartRefusal> {
        let rows = try await database.query(
            """
            INSERT INTO orders.cart_lines (account_id, goods_id, product_id, quantity)
            SELECT \(account), \(product.goodsID), \(product.productID), \(quantity)
             WHERE (SELECT count(*) FROM orders.cart_lines WHERE account_id = \(account)) < \(CartRules.maximumLines)
                OR EXISTS (SELECT 1 FROM orders.cart_lines
                            WHERE account_id = \(account) AND product_id = \(product.productID))
            ON CONFLICT (account_id, product_id) DO UPDATE
               SET quantity = cart_lines.quantity + EXCLUDED.quantity, updated_at = now()
             WHERE cart_lines.quantity + EXCLUDED.quantity <= \(CartRules.bound(of: product))
            RETURNING \(unsafeSQL: CartLineRecord.columns)
            """)
        if let row = rows.first { return .success(try CartLineRecord(row: row)) }
        guard let line = try await line(ofProduct: product.productID, account: account) else {
            return .failure(.cartFull(maximum: CartRules.maximumLines))
        }
        return .failure(.overStock(stock: product.stock, inCart: line.quantity))
    }

    /// The account's lines, newest first.
    func lines(of account: Int64) async throws -> [CartLineRecord] {
        try await database.query(
            """
            SELECT \(unsafeSQL: CartLineRecord.columns) FROM orders.cart_lines
             WHERE account_id = \(account) ORDER BY id DESC
            """
        ).map(CartLineRecord.init(row:))
    }

    /// Line `id` of the account; nil when it has none of that id.
    func line(_ id: Int64, account: Int64) async throws -> CartLineRecord? {
        try await database.query(
            """
            SELECT \(unsafeSQL: CartLineRecord.columns) FROM orders.cart_lines
             WHERE id = \(id) AND account_id = \(account)
            """
        ).first.map(CartLineRecord.init(row:))
    }

    /// The account's line of product `productID`; nil when it has none.
    func line(ofProduct productID: Int64, account: Int64) async throws -> CartLineRecord? {
        try await database.query(
            """
            SELECT \(unsafeSQL: CartLineRecord.columns) FROM orders.cart_lines
             WHERE account_id = \(account) AND product_id = \(productID)
            """
        ).first.map(CartLineRecord.init(row:))
    }

    /// Sets line `id` of the account to hold `quantity`; false when it has no such line.
    func setQuantity(_ quantity: Int64, line id: Int64, account: Int64) async throws -> Bool {
        try await database.execute(
            """
            UPDATE orders.cart_lines SET quantity = \(quantity), updated_at = now()
             WHERE id = \(id) AND account_id = \(account)
            """) == 1
    }

    /// Removes line `id` of the account; false when it has no such line.
    func remove(line id: Int64, account: Int64) async throws -> Bool {
        try await database.execute("DELETE FROM orders.cart_lines WHERE id = \(id) AND account_id = \(account)") == 1
    }
}
