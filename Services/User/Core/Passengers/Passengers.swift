import Mesh
import Postgres
import ServiceKit

/// Why a passenger was not added. The train document's codes: 0023 for a wrong ID number or name,
/// 0025 for a passenger added twice, 0024 when adding fails.
enum PassengerRefusal: Refusal, Equatable {
    case invalidIDNumber(ResidentIDNumber.Problem)
    /// The ID number or the name is not even of the right shape (too long, control characters).
    case identityMalformed
    case invalidName
    /// Only resident ID cards are accepted.
    case unsupportedIdentityType
    case unknownPassengerType
    /// The user already has a passenger with this ID number.
    case duplicate
    /// The user has the most passengers allowed.
    case limitReached(Int)

    var message: String {
        switch self {
        case .invalidIDNumber(.wrongLength): "身份证号码须为 18 位"
        case .invalidIDNumber(.notDigits): "身份证号码须为 17 位数字加一位数字或 X"
        case .invalidIDNumber(.unknownProvince): "身份证号码的地区码不存在"
        case .invalidIDNumber(.implausibleBirthDate): "身份证号码中的出生日期不正确"
        case .invalidIDNumber(.wrongCheckCharacter): "身份证号码校验位不正确"
        case .invalidName: "姓名须为 2-30 个汉字或字母"
        case .identityMalformed: "身份证或者姓名有误，请检查"
        case .unsupportedIdentityType: "证件类型须为身份证"
        case .unknownPassengerType: "乘车人类型须为成人、儿童或学生"
        case .duplicate: "该联系人已存在"
        case .limitReached(let limit): "联系人最多 \(limit) 个"
        }
    }

    var kind: ReplyKind {
        switch self {
        case .invalidIDNumber, .invalidName, .identityMalformed, .unsupportedIdentityType, .unknownPassengerType:
            .invalidParams
        case .duplicate: .alreadyExists
        case .limitReached: .invalidState
        }
    }

    func wording(in dialect: Dialect) -> DialectWording? {
        guard dialect == .train else { return nil }
        switch self {
        case .invalidIDNumber, .invalidName, .identityMalformed: return DialectWording(code: "0023")
        case .duplicate: return DialectWording(code: "0025")
        case .limitReached: return DialectWording(code: "0024")
        case .unsupportedIdentityType, .unknownPassengerType: return nil
        }
    }
}

/// A passenger to add, checked.
struct NewPassenger: Sendable, Equatable {
    let name: String
    let idNumber: ResidentIDNumber
    let type: PassengerType
}

/// Passengers in `users.passengers`, always read and written for their owner.
struct Passengers: Sendable {
    let database: PostgresPool
    let profiles: Profiles
    /// The most passengers one user keeps.
    let limit: Int

    /// Adds a passenger; the same ID number twice for one user is refused.
    func add(_ passenger: NewPassenger, for account: Int64) async throws -> PassengerRecord {
        try await profiles.ensure(account)
        return try await database.transaction { transaction in
            _ = try await transaction.query(
                "SELECT account_id FROM users.profiles WHERE account_id = \(account) FOR UPDATE")
            let counted = try await transaction.query(
                "SELECT count(*) AS n FROM users.passengers WHERE account_id = \(account)")
            if try counted.first?.decode("n", as: Int.self) ?? 0 >= limit { throw PassengerRefusal.limitReached(limit) }
            let rows = try await transaction.query(
                """
                INSERT INTO users.passengers (account_id, name, id_type, id_number, passenger_type)
                VALUES (\(account), \(passenger.name), 'resident_id', \(passenger.idNumber.text),
                        \(passenger.type.rawValue))
                ON CONFLICT ON CONSTRAINT passengers_one_per_id_number DO NOTHING
                RETURNING \(unsafeSQL: PassengerRecord.columns)
                """)
            guard let row = rows.first else { throw PassengerRefusal.duplicate }
            return try PassengerRecord(row: row)
        }
    }

    /// Every passenger of `account`, oldest first.
    func list(of account: Int64) async throws -> [PassengerRecord] {
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: PassengerRecord.columns) FROM users.passengers
             WHERE account_id = \(account) ORDER BY id
            """
        )
        return try rows.map(PassengerRecord.init(row:))
    }

    /// The passenger `id` when it belongs to `account`; nil for another user's or an unknown id.
    func find(_ id: Int64, of account: Int64) async throws -> PassengerRecord? {
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: PassengerRecord.columns) FROM users.passengers
             WHERE id = \(id) AND account_id = \(account)
            """)
        return try rows.first.map(PassengerRecord.init(row:))
    }
}
