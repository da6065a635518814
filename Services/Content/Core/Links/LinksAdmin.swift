import JSON
import ServiceKit

/// Admin operations on friendly links: `links.list` (`cat_id`?), `links.create` (`cat_id` of a link
/// category, `name`, `url`, `image_url`?, `sort_order`?), `links.update` (`link_id` and the fields to
/// change), `links.publish`, `links.withdraw`.
enum LinksAdmin {
    static func register(on registry: inout ContentAdminRegistry) {
        let links = registry.stores.links
        let categories = registry.stores.categories
        let time = registry.stores.settings.displayTime
        let render: @Sendable (LinkRecord) -> JSONValue = { link in
            .object([
                "link_id": .number(JSONNumber(link.id)), "cat_id": .number(JSONNumber(link.categoryID)),
                "name": .string(link.name), "url": .string(link.url), "image_url": .string(link.imageURL),
                "sort_order": .number(JSONNumber(link.sortOrder)), "status": .string(link.status),
                "created_at": .string(time.format(link.createdAt)), "updated_at": .string(time.format(link.updatedAt)),
            ])
        }
        let fields: @Sendable (Parameters, Bool) async throws -> LinkFields = { input, creating in
            let categoryID = try input.integer("cat_id", in: 1...Int64.max, required: creating)
            if let categoryID {
                guard let category = try await categories.find(id: categoryID),
                    category.type == CategoryType.link.rawValue
                else { throw PlainRefusal.invalid("cat_id must name a link category (cat_type 2)") }
            }
            let url = try input.url("url", required: creating)
            if let url, url.isEmpty { throw PlainRefusal.invalid("url must not be empty") }
            return LinkFields(
                categoryID: categoryID, name: try input.adminText("name", maximum: 100, required: creating), url: url,
                imageURL: try input.url("image_url"), sortOrder: try input.integer("sort_order", in: 0...9999))
        }
        registry.on("links.list", changes: false) { input in
            let categoryID = try input.integer("cat_id", in: 1...Int64.max)
            return .ok(.object(["links": .array(try await links.all(categoryID: categoryID).map(render))]))
        }
        registry.on("links.create") { input in .ok(render(try await links.create(try await fields(input, true)))) }
        registry.on("links.update") { input in
            let id = try input.id("link_id")
            guard let link = try await links.update(id: id, try await fields(input, false)) else {
                throw PlainRefusal.notFound("no link with link_id \(id)")
            }
            return .ok(render(link))
        }
        registry.publication("links", table: .links, idKey: "link_id") { id in
            try await links.find(id: id).map(render)
        }
    }
}
