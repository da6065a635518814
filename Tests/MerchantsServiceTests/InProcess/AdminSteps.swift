import JSON
import Mesh
import ServiceHarness
import Testing

/// Admin calls the merchants admin tests share: each makes a row through the admin surface, expects
/// success and answers the reply's data.
struct AdminSteps {
    /// Tiananmen, Beijing.
    static let beijing: JSONObject = ["lng": .string("116.397128"), "lat": .string("39.916527")]

    let mesh: InProcessMesh

    /// The reply to `operation` on the merchants service.
    func call(_ operation: String, _ body: JSONObject = [:]) async throws -> CanonicalReply {
        try await mesh.adminCall(.merchants, operation, body)
    }

    /// The data of a successful `operation`; a failure fails the test with the reply's words.
    func ok(_ operation: String, _ body: JSONObject = [:]) async throws -> JSONValue {
        let reply = try await call(operation, body)
        #expect(reply.kind == .ok, "\(operation): \(reply.kind) \(reply.message)")
        return reply.data ?? .null
    }

    func centre(appID: String = "wxadmin01") async throws -> Int64 {
        try await ok("centres.create", ["name": .string("北京运营中心"), "app_id": .string(appID)])["oper_id"]?
            .int64Value ?? 0
    }

    func category(_ name: String, parent: Int64? = nil) async throws -> Int64 {
        var body: JSONObject = ["name": .string(name), "icon": .string("/files/icon.png")]
        if let parent { body["parent_id"] = .integer(parent) }
        return try await ok("categories.create", body)["category_id"]?.int64Value ?? 0
    }

    /// The fields of a merchant at Tiananmen, with `changes` over them.
    static func merchantFields(centre: Int64, category: Int64, _ changes: JSONObject = [:]) -> JSONObject {
        var body: JSONObject = [
            "oper_id": .integer(centre), "category_id": .integer(category), "name": .string("老北京涮肉"),
            "brand": .string("老北京"), "address": .string("东城区前门大街 1 号"),
            "business_time": .array([.string("10:30:00"), .string("18:30:00")]), "logo": .string("/files/logo.png"),
            "desc": .string("百年老店"), "contacter": .string("张三"), "contacter_phone": .string("010-12345678"),
            "lowest_amount": .string("80.00"), "weight": .integer(5),
        ]
        body.merge(beijing)
        body.merge(changes)
        return body
    }

    /// A merchant at Tiananmen, approved.
    func approvedMerchant(centre: Int64, category: Int64) async throws -> Int64 {
        let id =
            try await ok("merchants.create", Self.merchantFields(centre: centre, category: category))["merchant_id"]?
            .int64Value ?? 0
        _ = try await ok("merchants.approve", ["merchant_id": .integer(id)])
        return id
    }

    /// A goods category of the content service (`cat_type` 3).
    func goodsCategory(_ name: String) async throws -> Int64 {
        let reply = try await mesh.adminCall(
            .content, "categories.create", ["cat_type": .integer(3), "name": .string(name)])
        #expect(reply.kind == .ok, "content categories.create: \(reply.message)")
        return reply.data?["cat_id"]?.int64Value ?? 0
    }
}
