import JSON
import Mesh
import ServiceHarness
import Testing

/// The merchants service's admin operations on centres, categories and merchants, called as the gateway
/// forwards them for a signed-in admin.
@Suite(.serialized)
struct MerchantsAdminTests {
    static let caller = CallerIdentity(userID: "7", openID: "o-test")

    static func o2o(_ mesh: InProcessMesh, _ operation: String, _ body: JSONObject = [:]) async throws -> CanonicalReply
    {
        try await mesh.call(.o2o, operation, body, caller: caller, appID: "wxadmin01")
    }

    @Test func centresKeepOneMiniProgramEach() async throws {
        try await MerchantsMesh.with { mesh, _ in
            let admin = AdminSteps(mesh: mesh)
            let centre = try await admin.centre()
            let taken = try await admin.call(
                "centres.create", ["name": .string("另一个"), "app_id": .string("wxadmin01")])
            #expect(taken.kind == .alreadyExists)
            #expect(taken.message.contains("app_id wxadmin01"))
            let malformed = try await admin.call(
                "centres.create", ["name": .string("坏"), "app_id": .string("wx admin")])
            #expect(malformed.kind == .invalidParams)
            #expect(malformed.message.contains("app_id"))
            let nameless = try await admin.call("centres.create", ["app_id": .string("wxnew")])
            #expect(nameless.kind == .missingParameter)
            #expect(nameless.message.contains("name"))

            let renamed = try await admin.ok("centres.update", ["oper_id": .integer(centre), "name": .string("东城中心")])
            #expect(renamed["name"] == .string("东城中心"))
            #expect(renamed["app_id"] == .string("wxadmin01"))
            let emptied = try await admin.call("centres.update", ["oper_id": .integer(centre), "name": .string("")])
            #expect(emptied.kind == .invalidParams)
            let unknown = try await admin.call("centres.update", ["oper_id": .integer(999), "name": .string("x")])
            #expect(unknown.kind == .notFound)
            #expect(try await admin.ok("centres.list")["centres"]?.arrayValue?.count == 1)
        }
    }

    @Test func categoriesHaveTwoLevelsAndHiddenOnesLeaveTheClientTree() async throws {
        try await MerchantsMesh.with { mesh, _ in
            let admin = AdminSteps(mesh: mesh)
            let food = try await admin.category("美食")
            let hotpot = try await admin.category("火锅", parent: food)
            let shopping = try await admin.category("购物")
            let third = try await admin.call(
                "categories.create", ["name": .string("三级"), "parent_id": .integer(hotpot)])
            #expect(third.kind == .invalidParams)
            #expect(third.message.contains("parent_id \(hotpot)"))
            let orphan = try await admin.call("categories.create", ["name": .string("孤儿"), "parent_id": .integer(999)])
            #expect(orphan.kind == .notFound)
            let underChild = try await admin.call(
                "categories.update", ["category_id": .integer(shopping), "parent_id": .integer(hotpot)])
            #expect(underChild.kind == .invalidParams)
            let parentMoved = try await admin.call(
                "categories.update", ["category_id": .integer(food), "parent_id": .integer(shopping)])
            #expect(parentMoved.kind == .invalidParams)
            #expect(parentMoved.message.contains("children"))
            let moved = try await admin.ok(
                "categories.update",
                ["category_id": .integer(hotpot), "parent_id": .integer(shopping), "sort_order": 3])
            #expect(moved["parent_id"] == .integer(shopping))
            #expect(moved["sort_order"] == .integer(3))
            let lifted = try await admin.ok("categories.update", ["category_id": .integer(hotpot), "parent_id": 0])
            #expect(lifted["parent_id"] == .null)
            _ = try await admin.ok("categories.update", ["category_id": .integer(hotpot), "parent_id": .integer(food)])

            let hidden = try await admin.ok("categories.hide", ["category_id": .integer(hotpot)])
            #expect(hidden["status"] == .integer(2))
            let tree = try await admin.ok("categories.list")["categories"]?.arrayValue ?? []
            #expect(tree.map { $0["category_id"] } == [.integer(food), .integer(shopping)])
            #expect(tree.first?["children"]?.arrayValue?.map { $0["name"] } == [.string("火锅")])
            #expect(tree.first?["icon"]?.stringValue?.hasSuffix("/files/icon.png") == true)
            let clientTree = try await Self.o2o(mesh, "merchant/categories/tree")
            #expect(clientTree.data?["list"]?.arrayValue?.first?["sub"] == .array([]))
            _ = try await admin.ok("categories.show", ["category_id": .integer(hotpot)])
            let shown = try await Self.o2o(mesh, "merchant/categories/tree")
            #expect(shown.data?["list"]?.arrayValue?.first?["sub"]?.arrayValue?.count == 1)
            #expect(try await admin.call("categories.hide", ["category_id": .integer(999)]).kind == .notFound)
        }
    }

    @Test func aMerchantIsLocatedReviewedAndThenListed() async throws {
        try await MerchantsMesh.with { mesh, _ in
            let admin = AdminSteps(mesh: mesh)
            let centre = try await admin.centre()
            let food = try await admin.category("美食")
            let created = try await admin.ok(
                "merchants.create", AdminSteps.merchantFields(centre: centre, category: food))
            let id = created["merchant_id"]?.int64Value ?? 0
            #expect(created["approval"] == .string("pending"))
            #expect(created["province"] == .string("北京市"))
            #expect(created["province_id"] == .string("110000"))
            #expect(created["area"] == .string("东城区"))
            #expect(created["area_id"] == .string("110101"))
            #expect(created["city_id"]?.stringValue?.hasPrefix("11") == true)
            #expect(created["lowest_amount"]?.numberValue?.text == "80.00")
            #expect(created["business_time"] == .array([.string("10:30:00"), .string("18:30:00")]))
            #expect(created["lng"]?.numberValue?.text == "116.397128")
            #expect(created["logo"]?.stringValue?.hasSuffix("/files/logo.png") == true)
            #expect(try await Self.o2o(mesh, "merchants").data?["total"] == .integer(0))

            let approved = try await admin.ok("merchants.approve", ["merchant_id": .integer(id)])
            #expect(approved["approval"] == .string("approved"))
            #expect(try await admin.call("merchants.approve", ["merchant_id": .integer(id)]).kind == .invalidState)
            let listed = try await Self.o2o(mesh, "merchants")
            #expect(listed.data?["total"] == .integer(1))
            #expect(listed.data?["list"]?.arrayValue?.first?["name"] == .string("老北京涮肉"))
            #expect(listed.data?["list"]?.arrayValue?.first?["isOperSelf"] == .integer(1))

            _ = try await admin.ok("merchants.suspend", ["merchant_id": .integer(id)])
            #expect(try await Self.o2o(mesh, "merchants").data?["total"] == .integer(0))
            #expect(try await admin.call("merchants.suspend", ["merchant_id": .integer(id)]).kind == .invalidState)
            _ = try await admin.ok("merchants.resume", ["merchant_id": .integer(id)])
            #expect(try await Self.o2o(mesh, "merchants").data?["total"] == .integer(1))

            let moved = try await admin.ok(
                "merchants.update",
                [
                    "merchant_id": .integer(id), "lng": .string("121.473701"), "lat": .string("31.230416"),
                    "lowest_amount": .string("99.5"),
                ])
            #expect(moved["province_id"] == .string("310000"))
            #expect(moved["lat"]?.numberValue?.text == "31.230416")
            #expect(moved["lowest_amount"]?.numberValue?.text == "99.50")
            #expect(moved["name"] == .string("老北京涮肉"))

            let page = try await admin.ok(
                "merchants.list", ["approval": .string("approved"), "keyword": .string("北京")])
            #expect(page["total"] == .integer(1))
            #expect(try await admin.ok("merchants.list", ["approval": .string("pending")])["total"] == .integer(0))
            _ = try await admin.ok("merchants.reject", ["merchant_id": .integer(id)])
            #expect(try await Self.o2o(mesh, "merchants").data?["total"] == .integer(0))
            #expect(
                try await admin.ok("merchants.get", ["merchant_id": .integer(id)])["approval"] == .string("rejected"))
        }
    }

    @Test func badMerchantFieldsAreRefusedByName() async throws {
        try await MerchantsMesh.with { mesh, fixture in
            let admin = AdminSteps(mesh: mesh)
            let centre = try await admin.centre()
            let food = try await admin.category("美食")
            let cases: [(JSONObject, ReplyKind, String)] = [
                (["lng": .string("0"), "lat": .string("0")], .invalidParams, "China"),
                (["address": .null], .missingParameter, "address"),
                (["lowest_amount": .null], .missingParameter, "lowest_amount"),
                (["lowest_amount": .string("80.123")], .invalidParams, "lowest_amount"),
                (["lng": .string("200")], .invalidParams, "lng"),
                (["lat": .null], .missingParameter, "lat"),
                (
                    ["business_time": .array([.string("25:00:00"), .string("18:00:00")])], .invalidParams,
                    "business_time"
                ),
                (["region": .integer(9)], .invalidParams, "region"),
                (["contacter_phone": .string("call me")], .invalidParams, "contacter_phone"),
                (["logo": .string("not a url")], .invalidParams, "logo"),
                (["oper_id": .integer(999)], .notFound, "oper_id"),
                (["category_id": .integer(999)], .notFound, "category_id"),
            ]
            for (changes, kind, word) in cases {
                let reply = try await admin.call(
                    "merchants.create", AdminSteps.merchantFields(centre: centre, category: food, changes))
                #expect(reply.kind == kind, "\(changes): \(reply.message)")
                #expect(reply.message.contains(word), "\(changes): \(reply.message)")
            }
            let rows = try await fixture.database.query("SELECT count(*) AS n FROM merchants.merchants")
            #expect(try rows[0].decode("n", as: Int64.self) == 0)
            #expect(try await admin.call("merchants.get", ["merchant_id": .integer(5)]).kind == .notFound)
        }
    }
}
