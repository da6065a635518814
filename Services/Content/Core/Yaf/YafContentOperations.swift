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
        let table: [(String, Access, @Sendable (OperationCall) async throws -> CanonicalReply)] = [
            ("system.init", .anyone, { try await operations.initialize($0) }),
            ("system.upgrade", .anyone, { try await operations.upgrade($0) }),
            ("system.ads", .anyone, { try await operations.ads($0) }),
            ("system.link", .anyone, { _ in try await operations.links() }),
            ("system.category.list", .anyone, { try await operations.categories($0) }),
            ("system.home", .anyone, { _ in try await operations.home() }),
            ("system.upload", .account, { try await operations.upload($0) }),
            ("notice.list", .anyone, { try await operations.noticeList($0) }),
            ("notice.detail", .anyone, { try await operations.noticeDetail($0) }),
            ("notice.unread.count", .account, { try await operations.unreadNotices($0) }),
            ("message.list", .account, { try await operations.messageList($0) }),
            ("message.read.status", .account, { try await operations.markMessageRead($0) }),
            ("news.list", .anyone, { try await operations.newsList($0) }),
            ("news.detail", .anyone, { try await operations.newsDetail($0) }),
        ]
        for (name, access, body) in table {
            handlers.on(.yaf, name, access: access) { call in try await body(call) }
        }
    }

    static func ok(_ data: JSONValue?, message: String = "success") -> CanonicalReply {
        CanonicalReply(kind: .ok, message: message, data: data)
    }
}
