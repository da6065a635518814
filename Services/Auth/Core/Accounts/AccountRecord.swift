import Foundation
import Postgres

/// An account as the sign-in flows answer it (selected as `AccountRecord.columns`).
struct AccountRecord: Sendable, Equatable {
    /// The columns every query that builds a record selects.
    static let columns = "id, mobile, email, open_id, created_at"

    let id: Int64
    /// Nil for an account that started from a WeChat login or an e-mail address and has none bound yet.
    let mobile: String?
    let email: String?
    /// The public identifier handed to clients instead of the id.
    let openID: String
    let registeredAt: Date

    init(row: PostgresRow) throws {
        id = try row.decode("id", as: Int64.self)
        mobile = try row.decode("mobile", as: String?.self)
        email = try row.decode("email", as: String?.self)
        openID = try row.decode("open_id", as: String.self)
        registeredAt = try row.decode("created_at", as: Date.self)
    }
}

/// What a password given for an account turned out to be.
enum PasswordCheck: Sendable, Equatable {
    case matches
    /// Wrong; the account is not locked (yet).
    case wrong
    /// Too many wrong passwords (possibly this very try): the account, or the client address trying it,
    /// is locked for `seconds` more.
    case locked(seconds: Int)
}
