import JSON
import ServiceKit

/// Admin operations on ads: `ads.list` (`position_code`?), `ads.create`, `ads.update` (`ad_id` and the
/// fields to change), `ads.publish`, `ads.withdraw`, `ads.schedule` (`ad_id`, `starts_at`, `ends_at`).
enum AdsAdmin {
    static func register(on registry: inout ContentAdminRegistry) {
        let ads = registry.stores.ads
        let time = registry.stores.settings.displayTime
        let render: @Sendable (AdRecord) -> JSONValue = { ad in
            .object([
                "ad_id": .number(JSONNumber(ad.id)), "position_code": .string(ad.positionCode),
                "name": .string(ad.name),
                "image_url": .string(ad.imageURL), "target_url": .string(ad.targetURL),
                "sort_order": .number(JSONNumber(ad.sortOrder)), "status": .string(ad.status),
                "starts_at": ad.startsAt.map { .string(time.format($0)) } ?? .null,
                "ends_at": ad.endsAt.map { .string(time.format($0)) } ?? .null,
                "created_at": .string(time.format(ad.createdAt)), "updated_at": .string(time.format(ad.updatedAt)),
            ])
        }
        registry.on("ads.list", changes: false) { input in
            let position = try input.adminText("position_code", maximum: 50)
            return .ok(.object(["ads": .array(try await ads.all(position: position).map(render))]))
        }
        registry.on("ads.create") { input in
            .ok(render(try await ads.create(try fields(input, creating: true))))
        }
        registry.on("ads.update") { input in
            let id = try input.id("ad_id")
            guard let ad = try await ads.update(id: id, try fields(input, creating: false)) else {
                throw PlainRefusal.notFound("no ad with ad_id \(id)")
            }
            return .ok(render(ad))
        }
        registry.publication("ads", table: .ads, idKey: "ad_id") { id in
            try await ads.find(id: id).map(render)
        }
    }

    private static func fields(_ input: Parameters, creating: Bool) throws -> AdFields {
        let position = try input.adminText("position_code", maximum: 50, required: creating)
        if let position, !AdPosition.isValid(position) {
            throw PlainRefusal.invalid("position_code must be 1 to 50 letters, digits, '_', '-' or '.'")
        }
        return AdFields(
            positionCode: position, name: try input.adminText("name", maximum: 100, required: creating),
            imageURL: try input.url("image_url", required: creating), targetURL: try input.url("target_url"),
            sortOrder: try input.integer("sort_order", in: 0...9999))
    }
}
