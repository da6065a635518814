import JSON
import ServiceKit

/// Admin operations on messages: `messages.list` (`account_id`?), `messages.send` (`account_id` of one user,
/// or `to_all: true`; `msg_type` 1 system or 2 welfare, `type_ref_id`?, `title`, `content`?, `url`?),
/// `messages.withdraw` (`msg_id`).
enum MessagesAdmin {
    static func register(on registry: inout ContentAdminRegistry) {
        let messages = registry.stores.messages
        let time = registry.stores.settings.displayTime
        let render: @Sendable (MessageRecord) -> JSONValue = { message in
            .object([
                "msg_id": .number(JSONNumber(message.id)),
                "account_id": message.accountID.map { .number(JSONNumber($0)) } ?? .null,
                "msg_type": .number(JSONNumber(message.type)), "type_ref_id": .number(JSONNumber(message.typeRefID)),
                "title": .string(message.title), "content": .string(message.content), "url": .string(message.url),
                "status": .string(message.status), "created_at": .string(time.format(message.createdAt)),
            ])
        }
        registry.on("messages.list", changes: false) { input in
            let account = try input.integer("account_id", in: 1...Int64.max)
            return .ok(.object(["messages": .array(try await messages.all(account: account).map(render))]))
        }
        registry.on("messages.send") { input in
            let account = try input.integer("account_id", in: 1...Int64.max)
            let toAll = try input.bool("to_all") ?? false
            guard (account != nil) != toAll else {
                throw PlainRefusal.invalid("give either account_id (one user) or to_all: true (everyone)")
            }
            let draft = MessageDraft(
                accountID: account, type: try input.integer("msg_type", in: 1...2) ?? 1,
                typeRefID: try input.integer("type_ref_id", in: 0...Int64.max) ?? 0,
                title: try input.adminText("title", maximum: 100, required: true)!,
                content: try input.adminText("content", maximum: 5000) ?? "", url: try input.url("url") ?? "")
            return .ok(render(try await messages.send(draft)))
        }
        registry.on("messages.withdraw") { input in
            let id = try input.id("msg_id")
            guard try await messages.withdraw(id: id) else {
                throw PlainRefusal.notFound("no message with msg_id \(id)")
            }
            return .ok(.object(["msg_id": .number(JSONNumber(id)), "status": "withdrawn"]))
        }
    }
}
