import JSON
import ServiceKit

/// Admin operations on notices: `notices.list`, `notices.create` (`title`, `summary`?, `body`?,
/// `is_dialog`?), `notices.update` (`notice_id` and the fields to change; a published notice gets a new
/// `edition`, so apps show its dialog again), `notices.publish`, `notices.withdraw`, `notices.schedule`
/// (`notice_id`, `starts_at`, `ends_at`).
enum NoticesAdmin {
    static func register(on registry: inout ContentAdminRegistry) {
        let notices = registry.stores.notices
        let time = registry.stores.settings.displayTime
        let render: @Sendable (NoticeRecord) -> JSONValue = { notice in
            .object([
                "notice_id": .number(JSONNumber(notice.id)), "title": .string(notice.title),
                "summary": .string(notice.summary), "body": .string(notice.body), "is_dialog": .bool(notice.isDialog),
                "status": .string(notice.status), "edition": .string(notice.edition),
                "starts_at": notice.startsAt.map { .string(time.format($0)) } ?? .null,
                "ends_at": notice.endsAt.map { .string(time.format($0)) } ?? .null,
                "published_at": notice.publishedAt.map { .string(time.format($0)) } ?? .null,
                "created_at": .string(time.format(notice.createdAt)),
                "updated_at": .string(time.format(notice.updatedAt)),
            ])
        }
        let fields: @Sendable (Parameters, Bool) throws -> NoticeFields = { input, creating in
            NoticeFields(
                title: try input.adminText("title", maximum: 100, required: creating),
                summary: try input.adminText("summary", maximum: 500),
                body: try input.adminText("body", maximum: 100_000),
                isDialog: try input.bool("is_dialog"))
        }
        registry.on("notices.list", changes: false) { _ in
            .ok(.object(["notices": .array(try await notices.all().map(render))]))
        }
        registry.on("notices.create") { input in .ok(render(try await notices.create(try fields(input, true)))) }
        registry.on("notices.update") { input in
            let id = try input.id("notice_id")
            let changes = try fields(input, false)
            if changes.title?.isEmpty == true { throw PlainRefusal.invalid("title must not be empty") }
            guard let notice = try await notices.update(id: id, changes) else {
                throw PlainRefusal.notFound("no notice with notice_id \(id)")
            }
            return .ok(render(notice))
        }
        registry.publication("notices", table: .notices, idKey: "notice_id") { id in
            try await notices.find(id: id).map(render)
        }
    }
}
