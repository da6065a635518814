import JSON
import Mesh
import ServiceKit

/// Admin operations on merchant categories, two levels deep: `categories.list` (the whole tree, hidden
/// categories too), `categories.create` (`name`, `parent_id`?: a top category, `icon`?, `sort_order`?),
/// `categories.update` (`category_id` and the fields to change; `parent_id` 0 makes it a top category),
/// `categories.show` and `categories.hide` (`category_id`). Hiding a top category hides its children
/// from clients too.
struct CategoriesAdmin: Sendable {
    static let nameLimit = 50

    let stores: MerchantsStores
    var rendering: AdminRendering { AdminRendering(stores: stores) }

    func register(on handlers: inout AdminHandlers) {
        let admin = self
        let categories = stores.categories
        handlers.on("categories.list") { _ in
            .ok(.object(["categories": admin.rendering.categoryTree(try await categories.all())]))
        }
        handlers.on("categories.create") { call in
            let input = call.parameters
            let parent = try input.integer("parent_id", in: 0...Int64.max).flatMap { $0 == 0 ? nil : $0 }
            let category = try await categories.create(
                name: try input.name("name", maximum: Self.nameLimit, creating: true) ?? "", parentID: parent,
                icon: try input.url("icon") ?? "", sortOrder: try input.integer("sort_order", in: 0...9999) ?? 0)
            return .ok(.object(admin.rendering.category(category)))
        }
        handlers.on("categories.update") { call in
            let input = call.parameters
            let id = try input.id("category_id")
            guard
                let category = try await categories.update(
                    id: id, name: try input.name("name", maximum: Self.nameLimit, creating: false),
                    parentID: try input.reference("parent_id"), icon: try input.url("icon"),
                    sortOrder: try input.integer("sort_order", in: 0...9999))
            else { throw PlainRefusal.notFound("no category with category_id \(id)") }
            return .ok(.object(admin.rendering.category(category)))
        }
        for (name, status) in [
            ("categories.show", MerchantCategory.shown), ("categories.hide", MerchantCategory.hidden),
        ] {
            handlers.on(name) { call in
                let id = try call.parameters.id("category_id")
                guard let category = try await categories.setStatus(id: id, status) else {
                    throw PlainRefusal.notFound("no category with category_id \(id)")
                }
                return .ok(.object(admin.rendering.category(category)))
            }
        }
    }
}
