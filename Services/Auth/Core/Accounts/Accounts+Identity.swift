import Crypto
import Postgres

extension Accounts {
    /// The account a mobile number or e-mail address names.
    func find(_ identity: AccountIdentity) async throws -> AccountRecord? {
        switch identity {
        case .mobile(let mobile):
            return try await find(mobile: mobile)
        case .email(let email):
            let rows = try await database.query(
                "SELECT \(unsafeSQL: AccountRecord.columns) FROM auth.accounts WHERE email = \(email)")
            return try rows.first.map(AccountRecord.init(row:))
        }
    }

    /// A new account known by `identity`, as part of `queryable`'s work; nil when the identity is taken.
    func create(
        _ identity: AccountIdentity, passwordHash: String?, on queryable: some PostgresQueryable
    ) async throws -> AccountRecord? {
        switch identity {
        case .mobile(let mobile):
            return try await create(mobile: mobile, passwordHash: passwordHash, on: queryable)
        case .email(let email):
            let rows = try await queryable.query(
                """
                INSERT INTO auth.accounts (email, open_id, password_hash, password_changed_at)
                VALUES (\(email), \(SecureRandom.token(bytes: 16)), \(passwordHash),
                        CASE WHEN \(passwordHash)::text IS NULL THEN NULL ELSE now() END)
                ON CONFLICT (email) DO NOTHING
                RETURNING \(unsafeSQL: AccountRecord.columns)
                """)
            return try rows.first.map(AccountRecord.init(row:))
        }
    }

    /// Binds `identity` to `account` in place of its earlier mobile or e-mail, as part of
    /// `queryable`'s work; false when another account holds it.
    func bind(_ identity: AccountIdentity, to account: Int64, on queryable: some PostgresQueryable) async throws -> Bool
    {
        let rows: PostgresRows
        switch identity {
        case .mobile(let mobile):
            rows = try await queryable.query(
                """
                UPDATE auth.accounts SET mobile = \(mobile)
                 WHERE id = \(account)
                   AND NOT EXISTS (SELECT 1 FROM auth.accounts WHERE mobile = \(mobile) AND id <> \(account))
                RETURNING id
                """)
        case .email(let email):
            rows = try await queryable.query(
                """
                UPDATE auth.accounts SET email = \(email)
                 WHERE id = \(account)
                   AND NOT EXISTS (SELECT 1 FROM auth.accounts WHERE email = \(email) AND id <> \(account))
                RETURNING id
                """)
        }
        return !rows.isEmpty
    }

    /// Whether `account` has a login password at all (an account from a WeChat login may not).
    func hasPassword(account: Int64) async throws -> Bool {
        let rows = try await database.query(
            "SELECT password_hash IS NOT NULL AS has FROM auth.accounts WHERE id = \(account)")
        return try rows.first?.decode("has", as: Bool.self) ?? false
    }
}
