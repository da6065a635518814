import Postgres

/// Payment methods in `users.payment_methods`, always read and written for their owner, at most
/// `limitPerKind` of each type per user.
struct PaymentMethods: Sendable {
    let database: PostgresPool
    let profiles: Profiles
    let limitPerKind: Int

    func add(_ details: PaymentDetails, for account: Int64) async throws -> PaymentMethodRecord {
        try await profiles.ensure(account)
        return try await database.transaction { transaction in
            _ = try await transaction.query(
                "SELECT account_id FROM users.profiles WHERE account_id = \(account) FOR UPDATE")
            let counted = try await transaction.query(
                """
                SELECT count(*) AS n FROM users.payment_methods
                 WHERE account_id = \(account) AND kind = \(details.kind.rawValue)
                """)
            if try counted.first?.decode("n", as: Int.self) ?? 0 >= limitPerKind {
                throw PaymentRefusal.limitReached(limitPerKind)
            }
            let fields = Fields(details)
            let rows = try await transaction.query(
                """
                INSERT INTO users.payment_methods (account_id, kind, account_number, account_name, bank_name,
                    bank_address, qrcode)
                VALUES (\(account), \(details.kind.rawValue), \(details.accountNumber), \(fields.holder),
                    \(fields.bank),
                    \(fields.branchAddress), \(fields.qrcode))
                ON CONFLICT ON CONSTRAINT payment_methods_one_per_number DO NOTHING
                RETURNING \(unsafeSQL: PaymentMethodRecord.columns)
                """)
            guard let row = rows.first else { throw PaymentRefusal.duplicate(details.kind) }
            return try PaymentMethodRecord(row: row)
        }
    }

    /// Replaces the fields of the caller's method `id` of the same type.
    func update(_ id: Int64, with details: PaymentDetails, for account: Int64) async throws -> PaymentMethodRecord {
        let fields = Fields(details)
        let rows: PostgresRows
        do {
            rows = try await database.query(
                """
                UPDATE users.payment_methods
                   SET account_number = \(details.accountNumber), account_name = \(fields.holder),
                       bank_name = \(fields.bank), bank_address = \(fields.branchAddress), qrcode = \(fields.qrcode),
                       updated_at = now()
                 WHERE id = \(id) AND account_id = \(account) AND kind = \(details.kind.rawValue)
                RETURNING \(unsafeSQL: PaymentMethodRecord.columns)
                """)
        } catch let error as PostgresError where error.isUniqueViolation {
            throw PaymentRefusal.duplicate(details.kind)
        }
        guard let row = rows.first else { throw PaymentRefusal.notFound }
        return try PaymentMethodRecord(row: row)
    }

    func delete(_ id: Int64, kind: PaymentKind, for account: Int64) async throws {
        let deleted = try await database.execute(
            """
            DELETE FROM users.payment_methods WHERE id = \(id) AND account_id = \(account) AND kind = \(kind.rawValue)
            """)
        guard deleted == 1 else { throw PaymentRefusal.notFound }
    }

    func find(_ id: Int64, kind: PaymentKind, of account: Int64) async throws -> PaymentMethodRecord? {
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: PaymentMethodRecord.columns) FROM users.payment_methods
             WHERE id = \(id) AND account_id = \(account) AND kind = \(kind.rawValue)
            """)
        return try rows.first.map(PaymentMethodRecord.init(row:))
    }

    /// Every method of `account`, by type, oldest first.
    func list(of account: Int64) async throws -> [PaymentMethodRecord] {
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: PaymentMethodRecord.columns) FROM users.payment_methods
             WHERE account_id = \(account) ORDER BY kind, id
            """)
        return try rows.map(PaymentMethodRecord.init(row:))
    }

    /// The nullable columns of one type's details.
    private struct Fields {
        var holder: String?
        var bank: String?
        var branchAddress: String?
        var qrcode: String?

        init(_ details: PaymentDetails) {
            switch details {
            case .bankCard(_, let holder, let bank, let branchAddress):
                self.holder = holder
                self.bank = bank
                self.branchAddress = branchAddress
            case .wallet(_, _, let qrcode):
                self.qrcode = qrcode
            }
        }
    }
}
