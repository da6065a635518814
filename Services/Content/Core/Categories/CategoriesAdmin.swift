import JSON
import ServiceKit

/// Admin operations on categories: `categories.list` (`cat_type`?), `categories.create` (`cat_type`,
/// `parent_id`?, `name`, `sort_order`?; the `cat_code` is given out by the scheme), `categories.update`
/// (`cat_id`, `name`?, `sort_order`?), `categories.delete` (`cat_id`, only when nothing refers to it).
enum CategoriesAdmin {
    static func register(on registry: inout ContentAdminRegistry) {
        let categories = registry.stores.categories
        let render: @Sendable (CategoryRecord) -> JSONValue = { category in
            var fields = category.publicFields
            fields["cat_type"] = .number(JSONNumber(category.type))
            fields["sort_order"] = .number(JSONNumber(category.sortOrder))
            return .object(fields)
        }
        registry.on("categories.list", changes: false) { input in
            let types =
                try input.integer("cat_type", in: 1...3).map { [CategoryType(rawValue: Int($0))!] }
                ?? CategoryType.allCases
            var list: [JSONValue] = []
            for type in types { list += try await categories.all(type: type).map(render) }
            return .ok(.object(["categories": .array(list)]))
        }
        registry.on("categories.create") { input in
            let type = CategoryType(rawValue: Int(try input.integer("cat_type", in: 1...3, required: true)!))!
            var parent: CategoryRecord?
            if let parentID = try input.integer("parent_id", in: 0...Int64.max), parentID != 0 {
                guard let found = try await categories.find(id: parentID) else {
                    throw PlainRefusal.notFound("no category with parent_id \(parentID)")
                }
                guard found.type == type.rawValue else {
                    throw PlainRefusal.invalid("the parent category has another cat_type")
                }
                parent = found
            }
            let name = try input.adminText("name", maximum: 50, required: true)!
            let sortOrder = try input.integer("sort_order", in: 0...9999) ?? 0
            switch try await categories.create(type: type, parent: parent, name: name, sortOrder: sortOrder) {
            case .success(let category): return .ok(render(category))
            case .failure(let refusal): throw refusal
            }
        }
        registry.on("categories.update") { input in
            let id = try input.id("cat_id")
            let name = try input.adminText("name", maximum: 50)
            if name?.isEmpty == true { throw PlainRefusal.invalid("name must not be empty") }
            guard
                let category = try await categories.update(
                    id: id, name: name, sortOrder: try input.integer("sort_order", in: 0...9999))
            else { throw PlainRefusal.notFound("no category with cat_id \(id)") }
            return .ok(render(category))
        }
        registry.on("categories.delete") { input in
            let id = try input.id("cat_id")
            if let refusal = try await categories.delete(id: id) { throw refusal }
            return .ok(.object(["cat_id": .number(JSONNumber(id)), "deleted": true]))
        }
    }
}
