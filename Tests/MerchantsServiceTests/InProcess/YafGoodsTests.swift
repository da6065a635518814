import JSON
import Mesh
import ServiceHarness
import Testing

/// The points mall of the app base API through the merchants service's real routes, with the content
/// service's goods categories.
@Suite(.serialized)
struct YafGoodsTests {
    static let colours = #"[{"name":"颜色","values":["红色","黑色"]}]"#

    static func call(
        _ mesh: InProcessMesh, _ operation: String, _ parameters: JSONObject
    ) async throws
        -> CanonicalReply
    {
        try await mesh.call(.yaf, operation, parameters)
    }

    /// The content service's goods categories by name, with a child of `数码产品` named `耳机`.
    static func categories(_ mesh: InProcessMesh) async throws -> [String: Int64] {
        let digital = try await mesh.internalCall(.content, "categories.goods").data?["categories"]?.arrayValue?
            .first { $0["name"] == .string("数码产品") }
        guard let content = mesh.database(of: .content), let parent = digital?["id"]?.stringValue,
            let code = digital?["code"]?.stringValue
        else { throw InProcessMeshError("content has no 数码产品 goods category") }
        let childCode = String(code.prefix(3)) + "100" + String(repeating: "0", count: 24)
        try await content.execute(
            """
            INSERT INTO content.categories (cat_type, parent_id, name, cat_code) VALUES (3, \(Int64(parent)!), '耳机',
                \(childCode))
            """)
        var ids: [String: Int64] = [:]
        for item in try await mesh.internalCall(.content, "categories.goods").data?["categories"]?.arrayValue ?? [] {
            if let name = item["name"]?.stringValue, let id = item["id"]?.stringValue.flatMap({ Int64($0) }) {
                ids[name] = id
            }
        }
        return ids
    }

    @Test func listFiltersByCategoryKeywordAndPrice() async throws {
        try await MerchantsMesh.with { mesh, fixture in
            let categories = try await Self.categories(mesh)
            let keyboard = try await fixture.goods(
                "机械键盘", catalogue: "points", category: categories["数码产品"], price: 399, marketPrice: 399, sort: 3)
            let headset = try await fixture.goods(
                "降噪耳机", catalogue: "points", category: categories["耳机"], specs: Self.colours,
                keys: ["颜色:::红色", "颜色:::黑色"], price: 160, marketPrice: 199, sort: 2)
            let towel = try await fixture.goods(
                "毛巾 100%棉", catalogue: "points", category: categories["生活家居"], price: 20, sort: 1)
            _ = try await fixture.goods("已下架", catalogue: "points", category: categories["数码产品"], status: 2)
            _ = try await fixture.goods("商城商品", catalogue: "mall", price: 100)
            func ids(_ parameters: JSONObject) async throws -> [JSONValue] {
                let reply = try await Self.call(mesh, "goods.list", parameters)
                #expect(reply.kind == .ok, "\(parameters): \(reply.message)")
                return reply.data?["list"]?.arrayValue?.map { $0["goodsid"] ?? .null } ?? []
            }
            let all: JSONObject = [
                "cat_id": .integer(-1), "keywords": "", "start_price": .integer(-1), "end_price": .integer(-1),
                "page": .integer(1),
            ]
            #expect(try await ids(all) == [.integer(keyboard.goods), .integer(headset.goods), .integer(towel.goods)])
            var digital = all
            digital["cat_id"] = .integer(categories["数码产品"]!)
            #expect(try await ids(digital) == [.integer(keyboard.goods), .integer(headset.goods)])
            var keyword = all
            keyword["keywords"] = "100%"
            #expect(try await ids(keyword) == [.integer(towel.goods)])
            var cheap = all
            cheap["start_price"] = .string("100")
            cheap["end_price"] = .string("200.5")
            #expect(try await ids(cheap) == [.integer(headset.goods)])
            var narrow = all
            narrow["start_price"] = .string("160.2")
            narrow["end_price"] = .string("160.8")
            #expect(try await ids(narrow) == [])

            let page = try await Self.call(mesh, "goods.list", all)
            #expect(page.message == "success")
            #expect(page.data?["total"] == .integer(3))
            #expect(page.data?["count"] == .integer(20))
            #expect(page.data?["isnext"] == .bool(false))
            let first = page.data?["list"]?[0]
            #expect(first?["min_price"] == .integer(399))
            #expect(first?["goods_img"] == .string("http://127.0.0.1:8080/files/p.png"))
            #expect(first?["buy_count"] == .integer(0) && first?["month_buy_count"] == .integer(0))

            for (key, value) in [
                ("cat_id", "0"), ("cat_id", "abc"), ("start_price", "-2"), ("end_price", "x"), ("page", "0"),
                ("keywords", String(repeating: "键", count: 10_000)),
            ] {
                var bad = all
                bad[key] = .string(value)
                #expect(try await Self.call(mesh, "goods.list", bad).kind == .invalidParams, "\(key)=\(value)")
            }
            var reversed = all
            reversed["start_price"] = .string("500")
            reversed["end_price"] = .string("100")
            #expect(try await Self.call(mesh, "goods.list", reversed).kind == .invalidParams)
            var unknown = all
            unknown["cat_id"] = .integer(999_999)
            #expect(try await Self.call(mesh, "goods.list", unknown).kind == .notFound)
        }
    }

    @Test func detailShowsSpecsAndProductsAsTheDocument() async throws {
        try await MerchantsMesh.with { mesh, fixture in
            let single = try await fixture.goods("机械键盘", catalogue: "points", price: 399, marketPrice: 399, stock: 993)
            let multi = try await fixture.goods(
                "吃鸡鼠标", catalogue: "points", specs: Self.colours, keys: ["颜色:::红色", "颜色:::黑色"], price: 160,
                marketPrice: 199, stock: 999)
            let one = try await Self.call(mesh, "goods.detail", ["goods_id": .integer(single.goods)])
            #expect(one.kind == .ok)
            #expect(one.data?["spec_val"] == .array([]))
            let product = one.data?["products"]?["single_product"]
            #expect(product?["productid"] == .integer(single.products[0]))
            #expect(product?["stock"] == .integer(993))
            #expect(product?["spec_val"] == .string(""))
            #expect(product?["arr_spec_val"] == .array([]))
            #expect(one.data?["goods_image"]?.arrayValue?.count == 2)
            #expect(one.data?["limit_count"] == .integer(0))

            let two = try await Self.call(mesh, "goods.detail", ["goods_id": .integer(multi.goods)])
            #expect(two.data?["spec_val"] == .object(["颜色": .array([.string("红色"), .string("黑色")])]))
            let red = two.data?["products"]?["颜色:::红色"]
            #expect(red?["productid"] == .integer(multi.products[0]))
            #expect(red?["sales_price"] == .integer(160) && red?["market_price"] == .integer(199))
            #expect(red?["arr_spec_val"] == .object(["颜色": .string("红色")]))
            #expect(two.data?["min_price"] == .integer(160) && two.data?["max_market_price"] == .integer(199))

            #expect(try await Self.call(mesh, "goods.detail", ["goods_id": .integer(999_999)]).kind == .notFound)
            #expect(try await Self.call(mesh, "goods.detail", [:]).kind == .missingParameter)
        }
    }

    @Test func snapshotNamesOneProduct() async throws {
        try await MerchantsMesh.with { mesh, fixture in
            let multi = try await fixture.goods(
                "吃鸡鼠标", catalogue: "points", specs: Self.colours, keys: ["颜色:::红色", "颜色:::黑色"], price: 160)
            func snapshot(_ parameters: JSONObject) async throws -> CanonicalReply {
                try await mesh.internalCall(.merchants, "goods.snapshot", parameters)
            }
            let black = try await snapshot(["goods_id": .id(multi.goods), "spec_key": "颜色:::黑色"])
            #expect(black.data?["product"]?["product_id"] == .id(multi.products[1]))
            #expect(black.data?["on_sale"] == .bool(true))
            #expect(try await snapshot(["goods_id": .id(multi.goods), "spec_key": "颜色:::白色"]).kind == .notFound)
            #expect(try await snapshot(["goods_id": .id(multi.goods)]).kind == .invalidParams)
            #expect(try await snapshot(["goods_id": .id(multi.goods), "product_id": .id(999_999)]).kind == .notFound)
            #expect(try await snapshot(["goods_id": .id(999_999)]).kind == .notFound)
        }
    }
}
