import Foundation
import Postgres

/// One message as stored; `accountID` nil means it went to everyone.
struct MessageRecord: Sendable, Equatable {
    static let columns = "id, account_id, msg_type, type_ref_id, title, content, url, status, created_at"

    let id: Int64
    let accountID: Int64?
    let type: Int
    let typeRefID: Int64
    let title: String
    let content: String
    let url: String
    let status: String
    let createdAt: Date

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        accountID = try row.decode("account_id")
        type = try row.decode("msg_type")
        typeRefID = try row.decode("type_ref_id")
        title = try row.decode("title")
        content = try row.decode("content")
        url = try row.decode("url")
        status = try row.decode("status")
        createdAt = try row.decode("created_at")
    }
}

/// A message an admin sends.
struct MessageDraft: Sendable {
    var accountID: Int64?
    var type: Int64
    var typeRefID: Int64
    var title: String
    var content: String
    var url: String
}
