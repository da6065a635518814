import JSON
import Mesh
import ServiceHarness
import Testing

/// The merchants service's admin operations on goods, products and stock, and what clients see of them.
@Suite(.serialized)
struct GoodsAdminTests {
    static let caller = CallerIdentity(userID: "7", openID: "o-test")

    /// A points-mall item in category `category` with two specs: colour (红色, 黑色) and size (M, L).
    static func pointsItem(category: Int64, _ changes: JSONObject = [:]) -> JSONObject {
        var body: JSONObject = [
            "catalogue": .string("points"), "category_id": .integer(category), "name": .string("运动T恤"),
            "desc": .string("纯棉"), "pic": .string("/files/tshirt.png"),
            "pic_list": .array([.string("/files/1.png"), .string("https://img.example.com/2.png")]),
            "limit_count": .integer(2),
            "specs": .array([
                .object(["name": .string("颜色"), "values": .array([.string("红色"), .string("黑色")])]),
                .object(["name": .string("尺码"), "values": .array([.string("M"), .string("L")])]),
            ]),
            "products": .array([
                product(spec: ["颜色": .string("红色"), "尺码": .string("M")], sku: "TS-RM", price: 100),
                product(key: "颜色:::红色|||尺码:::L", sku: "TS-RL", price: 110),
                product(spec: ["尺码": .string("M"), "颜色": .string("黑色")], sku: "TS-BM", price: 120),
                product(key: "颜色:::黑色|||尺码:::L", sku: "TS-BL", price: 130),
            ]),
        ]
        body.merge(changes)
        return body
    }

    static func product(
        key: String? = nil, spec: JSONObject? = nil, sku: String, price: Int64, stock: Int64 = 10
    ) -> JSONValue {
        var fields: JSONObject = [
            "sku": .string(sku), "price": .integer(price), "market_price": .integer(price * 2),
            "stock": .integer(stock),
        ]
        if let key { fields["spec_key"] = .string(key) }
        if let spec { fields["spec"] = .object(spec) }
        return .object(fields)
    }

    /// A voucher of `merchant` valid from 2020 to 2099 with one product: 12.50 yuan, 20 at the market.
    static func voucher(merchant: Int64, _ changes: JSONObject = [:]) -> JSONObject {
        var body: JSONObject = [
            "catalogue": .string("voucher"), "merchant_id": .integer(merchant), "name": .string("双人套餐"),
            "desc": .string("两荤两素"), "buy_info": .string("无需预约"), "thumb_url": .string("/files/t.png"),
            "pic": .string("/files/p.png"), "start_date": .string("2020-01-01"), "end_date": .string("2099-12-31"),
            "business_time": .array([.string("11:00"), .string("21:00")]),
            "products": .array([
                .object([
                    "sku": .string("V-1"), "price": .string("12.50"), "market_price": .string("20"),
                    "stock": .integer(5),
                ])
            ]),
        ]
        body.merge(changes)
        return body
    }

    @Test func pointsGoodsWithSpecsReachTheMallOncePublished() async throws {
        try await MerchantsMesh.with { mesh, _ in
            let admin = AdminSteps(mesh: mesh)
            let clothes = try await admin.goodsCategory("服装")
            let created = try await admin.ok("goods.create", Self.pointsItem(category: clothes))
            let id = created["goods_id"]?.int64Value ?? 0
            #expect(created["status"] == .integer(2))
            #expect(created["on_sale"] == .bool(false))
            let products = created["products"]?.arrayValue ?? []
            #expect(products.map { $0["spec_key"] }.contains(.string("颜色:::黑色|||尺码:::M")))
            #expect(products.first { $0["sku"] == .string("TS-BM") }?["spec"]?["颜色"] == .string("黑色"))
            #expect(products.first { $0["sku"] == .string("TS-BM") }?["price"] == .integer(120))
            #expect(created["ledger"]?.arrayValue?.count == 4)
            #expect(created["ledger"]?.arrayValue?.first?["reason"] == .string("starting stock"))
            #expect(created["pic_list"]?.arrayValue?.last == .string("https://img.example.com/2.png"))

            let hidden = try await mesh.call(.yaf, "goods.detail", ["goods_id": .integer(id)])
            #expect(hidden.kind == .notFound)
            let published = try await admin.ok("goods.publish", ["goods_id": .integer(id)])
            #expect(published["on_sale"] == .bool(true))
            let detail = try await mesh.call(.yaf, "goods.detail", ["goods_id": .integer(id)])
            #expect(detail.kind == .ok, "\(detail.message)")
            #expect(detail.data?["min_price"] == .integer(100))
            #expect(detail.data?["max_price"] == .integer(130))
            #expect(detail.data?["products"]?["颜色:::黑色|||尺码:::L"]?["sales_price"] == .integer(130))
            #expect(detail.data?["spec_val"]?["尺码"] == .array([.string("M"), .string("L")]))
            let list = try await mesh.call(.yaf, "goods.list", ["cat_id": .integer(clothes)])
            #expect(list.data?["total"] == .integer(1))

            let page = try await admin.ok("goods.list", ["catalogue": .string("points"), "status": .integer(1)])
            #expect(page["total"] == .integer(1))
            _ = try await admin.ok("goods.withdraw", ["goods_id": .integer(id)])
            #expect(try await mesh.call(.yaf, "goods.detail", ["goods_id": .integer(id)]).kind == .notFound)
            #expect(try await admin.call("goods.publish", ["goods_id": .integer(999)]).kind == .notFound)

            let sizes: JSONValue = .object(["name": .string("尺码"), "values": .array(["M", "L", "XL"])])
            let colours = Self.pointsItem(category: clothes)["specs"]?[0] ?? .null
            let halfDone = try await admin.call(
                "goods.update", ["goods_id": .integer(id), "specs": .array([colours, sizes])])
            #expect(halfDone.kind == .invalidParams)
            #expect(halfDone.message.contains("尺码:::XL"))
            let widened = try await admin.ok(
                "goods.update",
                [
                    "goods_id": .integer(id), "specs": .array([colours, sizes]),
                    "products": .array(
                        (Self.pointsItem(category: clothes)["products"]?.arrayValue ?? []) + [
                            Self.product(key: "颜色:::红色|||尺码:::XL", sku: "TS-RXL", price: 140),
                            Self.product(key: "颜色:::黑色|||尺码:::XL", sku: "TS-BXL", price: 150, stock: 0),
                        ]),
                ])
            let before = Set(products.compactMap { $0["product_id"] })
            let after = widened["products"]?.arrayValue ?? []
            #expect(after.count == 6)
            #expect(before.isSubset(of: Set(after.compactMap { $0["product_id"] })))
            #expect(widened["specs"]?[1]?["values"]?.arrayValue?.count == 3)
        }
    }

    @Test func badGoodsAreRefusedByNameAndNothingIsWritten() async throws {
        try await MerchantsMesh.with { mesh, fixture in
            let admin = AdminSteps(mesh: mesh)
            let clothes = try await admin.goodsCategory("服装")
            let centre = try await admin.centre()
            let food = try await admin.category("美食")
            let merchant = try await admin.approvedMerchant(centre: centre, category: food)
            let specs = Self.pointsItem(category: clothes)["specs"] ?? .null
            let products = Self.pointsItem(category: clothes)["products"]?.arrayValue ?? []
            let tooManyPictures = JSONValue.array((1...6).map { .string("/files/\($0).png") })
            let cases: [(JSONObject, ReplyKind, String)] = [
                (Self.pointsItem(category: clothes, ["catalogue": .null]), .missingParameter, "catalogue"),
                (Self.pointsItem(category: clothes, ["catalogue": .string("shop")]), .invalidParams, "catalogue"),
                (Self.pointsItem(category: clothes, ["category_id": .null]), .missingParameter, "category_id"),
                (Self.pointsItem(category: 99_999), .invalidParams, "category_id 99999"),
                (Self.pointsItem(category: clothes, ["products": .null]), .missingParameter, "products"),
                (
                    Self.pointsItem(category: clothes, ["products": .array(Array(products.prefix(3)))]),
                    .invalidParams, "黑色|||尺码:::L"
                ),
                (
                    Self.pointsItem(
                        category: clothes,
                        ["products": .array([Self.product(key: "颜色:::蓝色|||尺码:::M", sku: "X1", price: 1)] + products)]),
                    .invalidParams, "products[0].spec_key"
                ),
                (
                    Self.pointsItem(
                        category: clothes,
                        ["products": .array(products + [Self.product(key: "颜色:::红色|||尺码:::M", sku: "X2", price: 1)])]),
                    .invalidParams, "products[4].spec_key"
                ),
                (
                    Self.pointsItem(
                        category: clothes,
                        ["products": .array([Self.product(spec: ["颜色": .string("红色")], sku: "X3", price: 1)])]),
                    .missingParameter, "products[0].spec.尺码"
                ),
                (
                    Self.pointsItem(
                        category: clothes,
                        [
                            "products": .array(
                                products.dropLast() + [Self.product(key: "颜色:::黑色|||尺码:::L", sku: "TS-RM", price: 1)])
                        ]),
                    .invalidParams, "products[3].sku"
                ),
                (
                    Self.pointsItem(
                        category: clothes,
                        ["specs": .array([.object(["name": .string("颜:色"), "values": .array([.string("红")])])])]),
                    .invalidParams, "specs[0].name"
                ),
                (
                    Self.pointsItem(
                        category: clothes,
                        ["specs": .array(Array(repeating: specs.arrayValue?.first ?? .null, count: 4))]),
                    .invalidParams, "specs"
                ),
                (Self.pointsItem(category: clothes, ["pic_list": tooManyPictures]), .invalidParams, "pic_list"),
                (
                    Self.pointsItem(
                        category: clothes, ["pic_list": .array([.string("/files/1.png"), .string("a b")])]),
                    .invalidParams, "pic_list[1]"
                ),
                (Self.voucher(merchant: merchant, ["merchant_id": .null]), .missingParameter, "merchant_id"),
                (Self.voucher(merchant: 999), .notFound, "merchant_id 999"),
                (Self.voucher(merchant: merchant, ["end_date": .null]), .missingParameter, "end_date"),
                (Self.voucher(merchant: merchant, ["end_date": .string("2019-12-31")]), .invalidParams, "end_date"),
                (Self.voucher(merchant: merchant, ["start_date": .string("2023-02-29")]), .invalidParams, "start_date"),
                (
                    Self.voucher(merchant: merchant, ["specs": specs, "products": .array(products)]), .invalidParams,
                    "specs"
                ),
                (
                    Self.voucher(
                        merchant: merchant, ["products": .array([.object(["sku": .string("V-9"), "stock": 1])])]),
                    .missingParameter, "products[0].price"
                ),
            ]
            for (body, kind, word) in cases {
                let reply = try await admin.call("goods.create", body)
                #expect(reply.kind == kind, "\(word): \(reply.kind) \(reply.message)")
                #expect(reply.message.contains(word), "\(word): \(reply.message)")
            }
            let counts = try await fixture.database.query(
                """
                SELECT (SELECT count(*) FROM merchants.goods) AS goods, (SELECT count(*) FROM merchants.products) AS products,
                       (SELECT count(*) FROM merchants.stock_ledger) AS ledger
                """)
            #expect(try counts[0].decode("goods", as: Int64.self) == 0)
            #expect(try counts[0].decode("products", as: Int64.self) == 0)
            #expect(try counts[0].decode("ledger", as: Int64.self) == 0)

            _ = try await admin.ok("goods.create", Self.pointsItem(category: clothes))
            let again = try await admin.call("goods.create", Self.pointsItem(category: clothes))
            #expect(again.kind == .alreadyExists)
            #expect(again.message.contains("sku TS-"))
            let goodsCount = try await fixture.database.query("SELECT count(*) AS n FROM merchants.goods")
            #expect(try goodsCount[0].decode("n", as: Int64.self) == 1)
        }
    }

    @Test func voucherStockIsAdjustedWithALedgerAndFrozenOnceReserved() async throws {
        try await MerchantsMesh.with { mesh, _ in
            let admin = AdminSteps(mesh: mesh)
            let centre = try await admin.centre()
            let food = try await admin.category("美食")
            let merchant = try await admin.approvedMerchant(centre: centre, category: food)
            let created = try await admin.ok("goods.create", Self.voucher(merchant: merchant))
            let id = created["goods_id"]?.int64Value ?? 0
            let productID = created["products"]?[0]?["product_id"]?.int64Value ?? 0
            #expect(created["products"]?[0]?["price"]?.numberValue?.text == "12.50")
            #expect(created["business_time"] == .array([.string("11:00:00"), .string("21:00:00")]))
            _ = try await admin.ok("goods.publish", ["goods_id": .integer(id)])
            let client = try await mesh.call(.o2o, "goods/detail", ["id": .integer(id)], caller: Self.caller)
            #expect(client.data?["price"]?.numberValue?.text == "12.50")
            #expect(client.data?["market_price"]?.numberValue?.text == "20.00")

            let adjustments: [(JSONObject, ReplyKind)] = [
                (["change": .integer(-6), "reason": .string("损耗")], .invalidParams),
                (["change": .integer(0), "reason": .string("无")], .invalidParams),
                (["change": .integer(1_000_001), "reason": .string("太多")], .invalidParams),
                (["change": .integer(1)], .missingParameter),
                (["change": .string("1.5"), "reason": .string("半个")], .invalidParams),
            ]
            for (body, kind) in adjustments {
                var call = body
                call["product_id"] = .integer(productID)
                let reply = try await admin.call("stock.adjust", call)
                #expect(reply.kind == kind, "\(body): \(reply.message)")
            }
            let unknown = try await admin.call(
                "stock.adjust", ["product_id": .integer(999), "change": .integer(1), "reason": .string("x")])
            #expect(unknown.kind == .notFound)
            let count: JSONObject = [
                "product_id": .integer(productID), "change": .integer(3), "reason": .string("盘点"),
                "idempotency_key": .string("count-2026-12-03"),
            ]
            let counted = try await admin.ok("stock.adjust", count)
            #expect(counted["stock"] == .integer(8))
            #expect(counted["replayed"] == .bool(false))
            let submittedAgain = try await admin.ok("stock.adjust", count)
            #expect(submittedAgain["stock"] == .integer(8))
            #expect(submittedAgain["replayed"] == .bool(true))
            var otherCount = count
            otherCount["change"] = .integer(4)
            #expect(try await admin.call("stock.adjust", otherCount).kind == .invalidState)
            let ledger = try await admin.ok("stock.ledger", ["product_id": .integer(productID)])
            #expect(ledger["stock"] == .integer(8))
            let entries = ledger["entries"]?.arrayValue ?? []
            #expect(entries.map { $0["change"] } == [.integer(3), .integer(5)])
            #expect(entries.first?["reason"] == .string("盘点"))
            #expect(entries.first?["actor"] == .string("admin:1"))
            #expect(entries.first?["stock_after"] == .integer(8))
            let older = try await admin.ok(
                "stock.ledger",
                ["product_id": .integer(productID), "limit": 1, "before_id": entries.first?["ledger_id"] ?? .null])
            #expect(older["entries"]?.arrayValue?.map { $0["change"] } == [.integer(5)])

            let repriced = try await admin.ok(
                "goods.update",
                [
                    "goods_id": .integer(id),
                    "products": .array([
                        .object(["sku": .string("V-1"), "price": .string("15"), "stock": .integer(10)])
                    ]),
                ])
            #expect(repriced["products"]?[0]?["product_id"]?.int64Value == productID)
            #expect(repriced["products"]?[0]?["price"]?.numberValue?.text == "15.00")
            #expect(repriced["products"]?[0]?["stock"] == .integer(10))
            #expect(repriced["ledger"]?[0]?["change"] == .integer(2))

            let reserved = try await mesh.internalCall(
                .merchants, "stock.reserve",
                ["product_id": .integer(productID), "quantity": .integer(2), "order_ref": .string("O-1")],
                idempotencyKey: "reserve-o-1")
            #expect(reserved.kind == .ok, "\(reserved.message)")
            let frozen = try await admin.call(
                "goods.update",
                [
                    "goods_id": .integer(id),
                    "products": .array([
                        .object(["sku": .string("V-1"), "price": .string("9"), "stock": .integer(8)])
                    ]),
                ])
            #expect(frozen.kind == .invalidState)
            let resent = try await admin.call(
                "goods.update",
                [
                    "goods_id": .integer(id), "name": .string("三人套餐"),
                    "products": .array([.object(["sku": .string("V-1"), "price": .string("15"), "stock": .integer(8)])]
                    ),
                ])
            #expect(resent.kind == .ok, "\(resent.message)")
            let renamed = try await admin.ok("goods.get", ["goods_id": .integer(id)])
            #expect(renamed["name"] == .string("三人套餐"))
            #expect(renamed["products"]?[0]?["stock"] == .integer(8))
            let cleared = try await admin.call("goods.update", ["goods_id": .integer(id), "end_date": .string("")])
            #expect(cleared.kind == .missingParameter)
            let recatalogued = try await admin.call(
                "goods.update", ["goods_id": .integer(id), "catalogue": .string("mall")])
            #expect(recatalogued.kind == .invalidParams)
        }
    }
}
