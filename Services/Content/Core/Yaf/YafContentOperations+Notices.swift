import JSON
import Mesh
import ServiceKit

extension YafContentOperations {
    /// `notice.list`: the notices on show, newest first; a logged-in caller also sees `is_read` (0 or 1).
    func noticeList(_ call: OperationCall) async throws -> CanonicalReply {
        let page = try PageRequest(call.mesh.parameters["page"], size: settings.pageSize)
        let shared: (items: [JSONValue], ids: [Int64], total: Int) = try await stores.cache.value(
            "yaf.notices.\(page.page)"
        ) {
            let (notices, total) = try await stores.notices.page(page)
            return (notices.map { YafRendering.noticeSummary($0, time: time) }, notices.map(\.id), total)
        }
        var items = shared.items
        if let account = call.accountID {
            let read = try await stores.notices.readIDs(account: account, among: shared.ids)
            for index in items.indices {
                guard case .object(var fields) = items[index] else { continue }
                fields["is_read"] = .number(read.contains(shared.ids[index]) ? 1 : 0)
                items[index] = .object(fields)
            }
        }
        return Self.ok(page.reply(list: items, total: shared.total))
    }

    /// `notice.detail`: one notice on show; reading it while logged in marks it read.
    func noticeDetail(_ call: OperationCall) async throws -> CanonicalReply {
        let id = try call.parameters.id("noticeid")
        guard let notice = try await stores.notices.shown(id: id) else { throw PlainRefusal.notFound("公告不存在") }
        if let account = call.accountID { try await stores.notices.markRead(account: account, notice: id) }
        return Self.ok(YafRendering.notice(notice, time: time))
    }

    /// `notice.unread.count`: how many notices on show the caller has not opened.
    func unreadNotices(_ call: OperationCall) async throws -> CanonicalReply {
        let account = call.account
        let count = try await stores.notices.unreadCount(account: account)
        return Self.ok(.object(["count": .number(JSONNumber(count))]))
    }

    /// `message.list`: the caller's messages (their own and those to everyone), newest first, with read state.
    func messageList(_ call: OperationCall) async throws -> CanonicalReply {
        let account = call.account
        let page = try PageRequest(call.mesh.parameters["page"], size: settings.pageSize)
        let (messages, total) = try await stores.messages.page(account: account, page)
        let items = messages.map { YafRendering.message($0.0, isRead: $0.1, time: time) }
        return Self.ok(page.reply(list: items, total: total))
    }

    /// `message.read.status`: marks one of the caller's messages read; again is harmless, another
    /// user's message is not found.
    func markMessageRead(_ call: OperationCall) async throws -> CanonicalReply {
        let account = call.account
        let id = try call.parameters.id("msgid")
        guard try await stores.messages.markRead(account: account, message: id) else {
            throw PlainRefusal.notFound("消息不存在")
        }
        return Self.ok(nil, message: "设置成功")
    }
}
