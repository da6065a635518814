import JSON
import Mesh
import ServiceKit

/// Admin operations on merchants: `merchants.list` (`page`?, `page_size`?, `approval`?, `status`?,
/// `oper_id`?, `category_id`?, `keyword`?), `merchants.get` (`merchant_id`), `merchants.create` (the
/// fields of `MerchantInput`), `merchants.update` (`merchant_id` and the fields to change),
/// `merchants.approve`, `merchants.reject`, `merchants.suspend` and `merchants.resume` (`merchant_id`).
///
/// The province, city and county with their codes come from `lng` and `lat` through the content
/// service, again whenever either changes; a point outside China is refused. A new merchant waits for
/// review: clients see it once approved and while open. Approving works on a pending or rejected
/// merchant, rejecting on a pending or approved one (which takes it off the lists).
struct MerchantsAdmin: Sendable {
    let stores: MerchantsStores
    var rendering: AdminRendering { AdminRendering(stores: stores) }

    func register(on handlers: inout AdminHandlers) {
        let admin = self
        handlers.on("merchants.list") { call in try await admin.list(call.parameters) }
        handlers.on("merchants.get") { call in
            let id = try call.parameters.id("merchant_id")
            return .ok(admin.rendering.merchant(try await admin.existing(id)))
        }
        handlers.on("merchants.create") { call in try await admin.create(call) }
        handlers.on("merchants.update") { call in try await admin.update(call) }
        let reviews: [(String, MerchantApproval, [MerchantApproval])] = [
            ("merchants.approve", .approved, [.pending, .rejected]),
            ("merchants.reject", .rejected, [.pending, .approved]),
        ]
        for (name, approval, from) in reviews {
            handlers.on(name) { call in
                let id = try call.parameters.id("merchant_id")
                guard let (merchant, changed) = try await admin.stores.registry.review(id: id, to: approval, from: from)
                else { throw Self.unknown(id) }
                guard changed else {
                    throw PlainRefusal(.invalidState, "merchant \(id) is \(merchant.approval.rawValue) already")
                }
                return .ok(admin.rendering.merchant(merchant))
            }
        }
        for (name, status, word) in [
            ("merchants.suspend", MerchantRecord.suspended, "suspended"),
            ("merchants.resume", MerchantRecord.open, "open"),
        ] {
            handlers.on(name) { call in
                let id = try call.parameters.id("merchant_id")
                guard let (merchant, changed) = try await admin.stores.registry.setStatus(id: id, status) else {
                    throw Self.unknown(id)
                }
                guard changed else { throw PlainRefusal(.invalidState, "merchant \(id) is \(word) already") }
                return .ok(admin.rendering.merchant(merchant))
            }
        }
    }

    func list(_ input: Parameters) async throws -> CanonicalReply {
        let page = try input.page(defaultSize: stores.settings.pageSize)
        let approval = try input.choice("approval", among: ["pending", "approved", "rejected"])
        let filter = MerchantFilter(
            approval: approval.flatMap(MerchantApproval.init(rawValue:)),
            status: try input.integer("status", in: 1...2),
            operID: try input.positiveInteger("oper_id", maximum: Int64.max),
            categoryID: try input.positiveInteger("category_id", maximum: Int64.max),
            keyword: try input.text("keyword", maxLength: 50))
        let (merchants, total) = try await stores.registry.page(filter, page)
        return .ok(page.reply(list: merchants.map(rendering.merchant), total: total))
    }

    func create(_ call: AdminCall) async throws -> CanonicalReply {
        var draft = try MerchantInput.draft(call.parameters, creating: true)
        try await checkReferences(draft)
        draft.place = try await place(draft.longitude ?? "", draft.latitude ?? "", requestID: call.context.requestID)
        return .ok(rendering.merchant(try await stores.registry.create(draft)))
    }

    func update(_ call: AdminCall) async throws -> CanonicalReply {
        let id = try call.parameters.id("merchant_id")
        var draft = try MerchantInput.draft(call.parameters, creating: false)
        let current = try await existing(id)
        try await checkReferences(draft)
        if draft.longitude != nil || draft.latitude != nil {
            let longitude = draft.longitude ?? current.longitude
            let latitude = draft.latitude ?? current.latitude
            draft.place = try await place(longitude, latitude, requestID: call.context.requestID)
            (draft.longitude, draft.latitude) = (longitude, latitude)
        }
        guard let merchant = try await stores.registry.update(id: id, draft) else { throw Self.unknown(id) }
        return .ok(rendering.merchant(merchant))
    }

    private func existing(_ id: Int64) async throws -> MerchantRecord {
        guard let merchant = try await stores.registry.find(id: id) else { throw Self.unknown(id) }
        return merchant
    }

    /// The centre and the category the draft names exist.
    private func checkReferences(_ draft: MerchantDraft) async throws {
        if let operID = draft.operID, try await !stores.centres.exists(id: operID) {
            throw PlainRefusal.notFound("no operations centre with oper_id \(operID)")
        }
        if let categoryID = draft.categoryID, try await stores.categories.find(id: categoryID) == nil {
            throw PlainRefusal.notFound("no category with category_id \(categoryID)")
        }
    }

    /// The regions of the point; refused outside China.
    private func place(_ longitude: String, _ latitude: String, requestID: String) async throws -> RegionsLocate.Reply {
        guard let place = try await stores.content.place(longitude: longitude, latitude: latitude, requestID: requestID)
        else {
            throw PlainRefusal.invalid(
                "lng \(longitude), lat \(latitude) is not a point in China: a merchant must be in China")
        }
        return place
    }

    private static func unknown(_ id: Int64) -> PlainRefusal { .notFound("no merchant with merchant_id \(id)") }
}
