import Postgres

/// The staff links of merchants (`merchants.merchant_staff`): which accounts work for which merchant.
struct MerchantStaffDirectory: Sendable {
    let database: PostgresPool

    /// Links `account` to the merchant; false when there is no such merchant. Linking twice is harmless.
    func add(account: Int64, merchant: Int64, actor: String) async throws -> Bool {
        let rows = try await database.query(
            """
            INSERT INTO merchants.merchant_staff (merchant_id, account_id, added_by)
            SELECT id, \(account), \(actor) FROM merchants.merchants WHERE id = \(merchant)
            ON CONFLICT (merchant_id, account_id) DO UPDATE SET added_by = merchant_staff.added_by
            RETURNING merchant_id
            """)
        return !rows.isEmpty
    }

    /// Unlinks `account` from the merchant; false when it was not linked.
    func remove(account: Int64, merchant: Int64) async throws -> Bool {
        try await database.execute(
            "DELETE FROM merchants.merchant_staff WHERE merchant_id = \(merchant) AND account_id = \(account)") > 0
    }

    /// The merchants `account` works for.
    func merchants(of account: Int64) async throws -> [Int64] {
        try await database.query(
            "SELECT merchant_id FROM merchants.merchant_staff WHERE account_id = \(account) ORDER BY merchant_id"
        ).map { try $0.decode("merchant_id") }
    }

    /// The accounts working for the merchant.
    func staff(of merchant: Int64) async throws -> [Int64] {
        try await database.query(
            "SELECT account_id FROM merchants.merchant_staff WHERE merchant_id = \(merchant) ORDER BY account_id"
        ).map { try $0.decode("account_id") }
    }
}
