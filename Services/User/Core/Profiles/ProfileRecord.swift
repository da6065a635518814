import Foundation
import Postgres

/// A profile with its wallet, as every reply that shows a person reads it (selected as `columns`).
struct ProfileRecord: Sendable, Equatable {
    /// The columns every query that builds a record selects, from `profiles p JOIN wallets w`.
    static let columns = """
        p.account_id, p.nickname, p.real_name, p.sex, p.birthday::text AS birthday, p.id_number, p.intro,
        p.head_image_url, p.head_image_path, p.is_merchant, p.benefit_rate::text AS benefit_rate, p.created_at,
        w.balance, w.frozen, w.points
        """

    let accountID: Int64
    let nickname: String?
    let realName: String?
    /// 0 not given, 1 male, 2 female.
    let sex: Int
    /// `yyyy-MM-dd`, once set.
    let birthday: String?
    let idNumber: String?
    let intro: String
    let headImageURL: String?
    let headImagePath: String?
    let isMerchant: Bool
    /// The fee rate as a decimal fraction (`0.0060`).
    let benefitRate: String
    let createdAt: Date
    /// Fen.
    let balance: Int64
    /// Fen.
    let frozen: Int64
    let points: Int64

    init(row: PostgresRow) throws {
        accountID = try row.decode("account_id", as: Int64.self)
        nickname = try row.decode("nickname", as: String?.self)
        realName = try row.decode("real_name", as: String?.self)
        sex = try row.decode("sex", as: Int.self)
        birthday = try row.decode("birthday", as: String?.self)
        idNumber = try row.decode("id_number", as: String?.self)
        intro = try row.decode("intro", as: String.self)
        headImageURL = try row.decode("head_image_url", as: String?.self)
        headImagePath = try row.decode("head_image_path", as: String?.self)
        isMerchant = try row.decode("is_merchant", as: Bool.self)
        benefitRate = try row.decode("benefit_rate", as: String.self)
        createdAt = try row.decode("created_at", as: Date.self)
        balance = try row.decode("balance", as: Int64.self)
        frozen = try row.decode("frozen", as: Int64.self)
        points = try row.decode("points", as: Int64.self)
    }

    /// Real-name verified: the person gave a real name and a resident ID number that passed its check
    /// (the train document's `authened`; otherwise `wait_authen`).
    var isVerified: Bool { realName != nil && idNumber != nil }
}
