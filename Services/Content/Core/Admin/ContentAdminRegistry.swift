import Catalog
import Foundation
import JSON
import Mesh
import ServiceKit

/// Registers the content service's admin operations (`/admin/api/content/{operation}` on the gateway):
/// every handler reads its body with the admin fields of `Parameters`, and a change clears the read cache.
struct ContentAdminRegistry {
    var handlers = AdminHandlers()
    let stores: ContentStores

    init(stores: ContentStores) {
        self.stores = stores
    }

    /// Registers `name`; `changes` says whether a success changes what clients see.
    mutating func on(
        _ name: String, changes: Bool = true, _ body: @escaping @Sendable (Parameters) async throws -> CanonicalReply
    ) {
        let stores = self.stores
        handlers.on(name) { call in
            let reply = try await body(call.parameters)
            if changes && reply.kind == .ok { stores.cache.clear() }
            return reply
        }
    }

    /// `<kind>.publish` and `<kind>.withdraw` for a table, and `<kind>.schedule` where rows have a window
    /// (`starts_at`, `ends_at` written `yyyy-MM-dd HH:mm:ss`; null or "" for none).
    mutating func publication(
        _ kind: String, table: PublishedTable, idKey: String,
        render: @escaping @Sendable (Int64) async throws -> JSONValue?
    ) {
        let publications = stores.publications
        let displayTime = stores.settings.displayTime
        for status in [PublicationStatus.published, .withdrawn] {
            on("\(kind).\(status == .published ? "publish" : "withdraw")") { input in
                let id = try input.id(idKey)
                guard try await publications.set(status, table: table, id: id), let data = try await render(id) else {
                    throw PlainRefusal.notFound("no \(kind) with \(idKey) \(id)")
                }
                return .ok(data)
            }
        }
        guard table.hasWindow else { return }
        on("\(kind).schedule") { input in
            let id = try input.id(idKey)
            let startsAt = try input.time("starts_at", in: displayTime) ?? nil
            let endsAt = try input.time("ends_at", in: displayTime) ?? nil
            if let startsAt, let endsAt, endsAt <= startsAt {
                throw PlainRefusal.invalid("ends_at must be after starts_at")
            }
            guard try await publications.schedule(table: table, id: id, startsAt: startsAt, endsAt: endsAt),
                let data = try await render(id)
            else { throw PlainRefusal.notFound("no \(kind) with \(idKey) \(id)") }
            return .ok(data)
        }
    }

    func time(_ date: Date?) -> JSONValue {
        date.map { .string(stores.settings.displayTime.format($0)) } ?? .null
    }
}
