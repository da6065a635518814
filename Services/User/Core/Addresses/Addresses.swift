import Postgres

/// Delivery addresses in `users.addresses`, always read and written for their owner. A user has at
/// most `limit` addresses and, once they have one, exactly one default: the first address becomes
/// the default, and making another the default clears the old one in the same transaction.
struct Addresses: Sendable {
    let database: PostgresPool
    let profiles: Profiles
    let limit: Int

    /// Adds an address; the user's first one is their default.
    func add(_ address: CheckedAddress, for account: Int64) async throws -> AddressRecord {
        try await profiles.ensure(account)
        let draft = address.draft
        return try await database.transaction { transaction in
            try await lockOwner(account, on: transaction)
            let counted = try await transaction.query(
                "SELECT count(*) AS n FROM users.addresses WHERE account_id = \(account)")
            let count = try counted.first?.decode("n", as: Int.self) ?? 0
            if count >= limit { throw AddressRefusal.limitReached(limit) }
            let rows = try await transaction.query(
                """
                INSERT INTO users.addresses (account_id, province_code, city_code, county_code, province_name,
                    city_name, county_name, detail, receiver, phone, postcode, is_default)
                VALUES (\(account), \(draft.provinceCode), \(draft.cityCode), \(draft.countyCode),
                    \(address.provinceName), \(address.cityName), \(address.countyName), \(draft.detail),
                    \(draft.receiver), \(draft.phone), \(draft.postcode), \(count == 0))
                RETURNING \(unsafeSQL: AddressRecord.columns)
                """)
            guard let row = rows.first else { throw AddressRefusal.notFound }
            return try AddressRecord(row: row)
        }
    }

    /// Replaces the fields of the caller's address `id`.
    func update(_ id: Int64, with address: CheckedAddress, for account: Int64) async throws -> AddressRecord {
        let draft = address.draft
        let rows = try await database.query(
            """
            UPDATE users.addresses
               SET province_code = \(draft.provinceCode), city_code = \(draft.cityCode),
                   county_code = \(draft.countyCode), province_name = \(address.provinceName),
                   city_name = \(address.cityName), county_name = \(address.countyName), detail = \(draft.detail),
                   receiver = \(draft.receiver), phone = \(draft.phone), postcode = \(draft.postcode),
                   updated_at = now()
             WHERE id = \(id) AND account_id = \(account)
            RETURNING \(unsafeSQL: AddressRecord.columns)
            """)
        guard let row = rows.first else { throw AddressRefusal.notFound }
        return try AddressRecord(row: row)
    }

    /// Makes the caller's address `id` their default, clearing the previous one.
    func makeDefault(_ id: Int64, for account: Int64) async throws {
        try await database.transaction { transaction in
            try await lockOwner(account, on: transaction)
            let owned = try await transaction.query(
                "SELECT id FROM users.addresses WHERE id = \(id) AND account_id = \(account)")
            guard !owned.isEmpty else { throw AddressRefusal.notFound }
            try await transaction.execute(
                """
                UPDATE users.addresses SET is_default = false, updated_at = now()
                 WHERE account_id = \(account) AND is_default AND id <> \(id)
                """)
            try await transaction.execute(
                "UPDATE users.addresses SET is_default = true, updated_at = now() WHERE id = \(id) AND NOT is_default")
        }
    }

    /// The caller's addresses, the default first, then newest first.
    func list(of account: Int64) async throws -> [AddressRecord] {
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: AddressRecord.columns) FROM users.addresses
             WHERE account_id = \(account) ORDER BY is_default DESC, id DESC
            """)
        return try rows.map(AddressRecord.init(row:))
    }

    /// The address `id` when it belongs to `account`.
    func find(_ id: Int64, of account: Int64) async throws -> AddressRecord? {
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: AddressRecord.columns) FROM users.addresses
             WHERE id = \(id) AND account_id = \(account)
            """)
        return try rows.first.map(AddressRecord.init(row:))
    }

    /// The default address of `account`, when it has any.
    func defaultAddress(of account: Int64) async throws -> AddressRecord? {
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: AddressRecord.columns) FROM users.addresses
             WHERE account_id = \(account) AND is_default
            """)
        return try rows.first.map(AddressRecord.init(row:))
    }

    /// Serialises the address changes of one user (count limit, default switch) on their profile row.
    private func lockOwner(_ account: Int64, on transaction: PostgresTransaction) async throws {
        try await profiles.ensure(account, on: transaction)
        _ = try await transaction.query(
            "SELECT account_id FROM users.profiles WHERE account_id = \(account) FOR UPDATE")
    }
}
