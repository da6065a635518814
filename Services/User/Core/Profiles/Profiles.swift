import Crypto
import Postgres

/// Profiles in `users.profiles`, each with its wallet row. A profile is created the first time an
/// account uses the service (insert-if-missing), whatever the dialect.
struct Profiles: Sendable {
    let database: PostgresPool

    /// Makes sure `account` has a profile and a wallet, as part of `queryable`'s work.
    func ensure(_ account: Int64, on queryable: some PostgresQueryable) async throws {
        try await queryable.execute(
            """
            WITH created AS (
                INSERT INTO users.profiles (account_id) VALUES (\(account))
                ON CONFLICT (account_id) DO NOTHING RETURNING account_id)
            INSERT INTO users.wallets (account_id) SELECT account_id FROM created
            ON CONFLICT (account_id) DO NOTHING
            """)
    }

    func ensure(_ account: Int64) async throws {
        try await ensure(account, on: database)
    }

    /// The profile of `account`, created when it has none yet.
    func load(_ account: Int64) async throws -> ProfileRecord {
        if let record = try await find(account) { return record }
        try await ensure(account)
        guard let record = try await find(account) else { throw ProfileMissing(account: account) }
        return record
    }

    /// The profile of `account` when it has one.
    func find(_ account: Int64) async throws -> ProfileRecord? {
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: ProfileRecord.columns)
              FROM users.profiles p JOIN users.wallets w ON w.account_id = p.account_id
             WHERE p.account_id = \(account)
            """)
        return try rows.first.map(ProfileRecord.init(row:))
    }

    /// Saves the personal information; the birthday is written once and may not change afterwards.
    func save(_ info: PersonalInfo, for account: Int64) async throws {
        try await ensure(account)
        try await database.transaction { transaction in
            let rows = try await transaction.query(
                "SELECT birthday::text AS birthday FROM users.profiles WHERE account_id = \(account) FOR UPDATE")
            let saved = try rows.first?.decode("birthday", as: String?.self) ?? nil
            switch (saved, info.birthday) {
            case (nil, nil): throw ProfileRefusal.birthdayRequired
            case (let saved?, let given?) where saved != given: throw ProfileRefusal.birthdayAlreadySet
            default: break
            }
            try await transaction.execute(
                """
                UPDATE users.profiles
                   SET nickname = \(info.nickname), real_name = \(info.realName), sex = \(info.sex),
                       id_number = \(info.idNumber.text),
                       birthday = COALESCE(birthday, \(info.birthday)::date), updated_at = now()
                 WHERE account_id = \(account)
                """)
        }
    }

    /// Records a newly stored head image.
    func setHeadImage(_ image: StoredImage, for account: Int64) async throws {
        try await ensure(account)
        try await database.execute(
            """
            UPDATE users.profiles SET head_image_url = \(image.url), head_image_path = \(image.relativePath),
                   updated_at = now()
             WHERE account_id = \(account)
            """)
    }

    /// The account's instant-messaging login, made on first request: `EZ` and the account id in
    /// 11 digits, with a random 10-digit password.
    func imAccount(of account: Int64) async throws -> (name: String, password: String) {
        try await ensure(account)
        let digits = String(account)
        let name = "EZ" + String(repeating: "0", count: max(0, 11 - digits.count)) + digits
        guard name.count == 13 else { throw IMAccountUnavailable(account: account) }
        let rows = try await database.query(
            """
            UPDATE users.profiles
               SET im_name = COALESCE(im_name, \(name)), im_password = COALESCE(im_password, \(SecureRandom.digits(10)))
             WHERE account_id = \(account)
            RETURNING im_name, im_password
            """)
        guard let row = rows.first else { throw ProfileMissing(account: account) }
        return (try row.decode("im_name", as: String.self), try row.decode("im_password", as: String.self))
    }

    /// Sets the merchant flag and fee rate (`rate` a decimal fraction between 0 and 1).
    func setMerchant(_ account: Int64, isMerchant: Bool, benefitRate rate: String) async throws -> ProfileRecord {
        try await ensure(account)
        try await database.execute(
            """
            UPDATE users.profiles SET is_merchant = \(isMerchant), benefit_rate = \(rate)::numeric, updated_at = now()
             WHERE account_id = \(account)
            """)
        return try await load(account)
    }
}

/// A profile that should exist (it was just ensured) is not there: the database changed under us.
struct ProfileMissing: Error, Sendable, CustomStringConvertible {
    let account: Int64
    var description: String { "the profile of account \(account) is missing right after it was ensured" }
}

/// The account id is too long for the instant-messaging name's 11 digits.
struct IMAccountUnavailable: Error, Sendable, CustomStringConvertible {
    let account: Int64
    var description: String { "account \(account) has more than 11 digits: no instant-messaging name fits" }
}
