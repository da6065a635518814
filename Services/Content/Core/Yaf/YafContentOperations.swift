import Catalog
import JSON
import Mesh
import ServiceKit

/// The content operations of the app base API (yaf, document 003): app init and upgrade, ads,
/// links, categories, home, upload, notices, messages and news.
struct YafContentOperations: Sendable {
    let stores: ContentStores

    var settings: ContentSettings { stores.settings }
    var time: DisplayTime { stores.settings.displayTime }

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        let table: [(String, @Sendable (MeshCall) async throws -> CanonicalReply)] = [
            ("system.init", { try await operations.initialize($0) }),
            ("system.upgrade", { try await operations.upgrade($0) }),
            ("system.ads", { try await operations.ads($0) }),
            ("system.link", { _ in try await operations.links() }),
            ("system.category.list", { try await operations.categories($0) }),
            ("system.home", { _ in try await operations.home() }),
            ("system.upload", { try await operations.upload($0) }),
            ("notice.list", { try await operations.noticeList($0) }),
            ("notice.detail", { try await operations.noticeDetail($0) }),
            ("notice.unread.count", { try await operations.unreadNotices($0) }),
            ("message.list", { try await operations.messageList($0) }),
            ("message.read.status", { try await operations.markMessageRead($0) }),
            ("news.list", { try await operations.newsList($0) }),
            ("news.detail", { try await operations.newsDetail($0) }),
        ]
        for (name, body) in table {
            handlers.on(.yaf, name, Refusals.answering { (call: MeshCall, _: RequestContext) in try await body(call) })
        }
    }

    /// The account of the caller's session, nil without one.
    static func account(of call: MeshCall) -> Int64? {
        call.caller.flatMap { Int64($0.userID) }
    }

    /// The account of an operation that needs a session (the gateway refused calls without one).
    static func requiredAccount(of call: MeshCall) throws(ContentRefusal) -> Int64 {
        guard let account = account(of: call) else { throw ContentRefusal(.notLoggedIn, "您还未登录") }
        return account
    }

    static func ok(_ data: JSONValue?, message: String = "success") -> CanonicalReply {
        CanonicalReply(kind: .ok, message: message, data: data)
    }
}
