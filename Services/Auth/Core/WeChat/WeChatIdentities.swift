import Crypto
import Postgres

/// WeChat identities in `auth.wechat_identities`: the open id a mini-program knows a person by,
/// bound to exactly one account. A person's first login makes an account without a mobile; one
/// with a union id already known from another app joins that app's account.
struct WeChatIdentities: Sendable {
    let database: PostgresPool

    /// The account of the WeChat user `openID` of `app`, made (and bound) on the first login.
    /// Logins of one identity queue on a transaction lock, so it is bound once.
    func account(app: String, openID: String, unionID: String?) async throws -> AccountRecord {
        try await database.transaction { transaction in
            _ = try await transaction.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(\("wechat:\(app):\(openID)"), 0))")
            if let known = try await boundAccount(app: app, openID: openID, on: transaction) {
                if let unionID {
                    try await transaction.execute(
                        """
                        UPDATE auth.wechat_identities SET union_id = \(unionID)
                         WHERE app_id = \(app) AND open_id = \(openID) AND union_id IS NULL
                        """)
                }
                return known
            }
            var account: AccountRecord?
            if let unionID {
                let rows = try await transaction.query(
                    """
                    SELECT \(unsafeSQL: AccountRecord.columns) FROM auth.accounts
                     WHERE id = (SELECT account_id FROM auth.wechat_identities
                                  WHERE union_id = \(unionID) ORDER BY created_at LIMIT 1)
                    """)
                account = try rows.first.map(AccountRecord.init(row:))
            }
            let owner: AccountRecord
            if let account {
                owner = account
            } else {
                owner = try await createAccount(mobile: nil, on: transaction)
            }
            try await transaction.execute(
                """
                INSERT INTO auth.wechat_identities (app_id, open_id, union_id, account_id)
                VALUES (\(app), \(openID), \(unionID), \(owner.id))
                """)
            return owner
        }
    }

    /// The account `openID` of `app` is bound to, if any.
    func boundAccount(
        app: String, openID: String, on queryable: some PostgresQueryable
    ) async throws
        -> AccountRecord?
    {
        let rows = try await queryable.query(
            """
            SELECT \(unsafeSQL: AccountRecord.columns) FROM auth.accounts
             WHERE id = (SELECT account_id FROM auth.wechat_identities WHERE app_id = \(app) AND open_id = \(openID))
            """)
        return try rows.first.map(AccountRecord.init(row:))
    }

    /// A new account, with `mobile` or (for a WeChat user not bound yet) none, and no password.
    func createAccount(mobile: String?, on queryable: some PostgresQueryable) async throws -> AccountRecord {
        let rows = try await queryable.query(
            """
            INSERT INTO auth.accounts (mobile, open_id) VALUES (\(mobile), \(SecureRandom.token(bytes: 16)))
            RETURNING \(unsafeSQL: AccountRecord.columns)
            """)
        return try AccountRecord(row: rows[0])
    }

    /// Binds `openID` of `app` to `account` as part of `queryable`'s work, wherever it was bound.
    func bind(app: String, openID: String, to account: Int64, on queryable: some PostgresQueryable) async throws {
        try await queryable.execute(
            """
            INSERT INTO auth.wechat_identities (app_id, open_id, account_id) VALUES (\(app), \(openID), \(account))
            ON CONFLICT (app_id, open_id) DO UPDATE SET account_id = EXCLUDED.account_id
            """)
    }
}
