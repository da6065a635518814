import Foundation
import Postgres

/// One row of the wallet ledger: a movement and the wallet right after it.
struct LedgerEntry: Sendable, Equatable {
    static let columns = """
        id, account_id, kind, balance_change, frozen_change, balance_after, frozen_after, reference, reason, actor,
        created_at
        """

    let id: Int64
    let accountID: Int64
    let kind: String
    let balanceChange: Int64
    let frozenChange: Int64
    let balanceAfter: Int64
    let frozenAfter: Int64
    let reference: String?
    let reason: String?
    let actor: String
    let createdAt: Date

    init(row: PostgresRow) throws {
        id = try row.decode("id", as: Int64.self)
        accountID = try row.decode("account_id", as: Int64.self)
        kind = try row.decode("kind", as: String.self)
        balanceChange = try row.decode("balance_change", as: Int64.self)
        frozenChange = try row.decode("frozen_change", as: Int64.self)
        balanceAfter = try row.decode("balance_after", as: Int64.self)
        frozenAfter = try row.decode("frozen_after", as: Int64.self)
        reference = try row.decode("reference", as: String?.self)
        reason = try row.decode("reason", as: String?.self)
        actor = try row.decode("actor", as: String.self)
        createdAt = try row.decode("created_at", as: Date.self)
    }
}
