import JSON
import Postgres
import Testing

/// The merchant, goods and points-mall operations end to end: the real gateway, auth, content and
/// merchants executables, answering in the O2O and app base API dialects exactly as the documents show.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct MerchantsGatewayTests {
    static let environment = [
        "MERCHANTS_SEED_DEMO_MERCHANTS": "false", "MERCHANTS_PUBLIC_BASE_URL": "http://files.test.example",
        "GATEWAY_RATE_LIMIT_PER_ADDRESS": "100000", "GATEWAY_RATE_LIMIT_PER_USER": "100000",
    ]

    /// A centre run by the test mini-program, a category pair, a merchant near Tiananmen with one
    /// voucher, and a two-colour points-mall item.
    static func seed(_ client: MiniProgramAuthClient) async throws -> (merchant: Int64, voucher: Int64, points: Int64) {
        let centre = try await client.scalar(
            """
            INSERT INTO merchants.operation_centres (name, app_id) VALUES ('北京运营中心', \(MiniProgramAuthClient.o2oApp))
            RETURNING id
            """, "id", as: Int64.self)
        let food = try await client.scalar(
            "INSERT INTO merchants.merchant_categories (name, icon) VALUES ('美食', '/files/food.png') RETURNING id",
            "id",
            as: Int64.self)
        let hotpot = try await client.scalar(
            "INSERT INTO merchants.merchant_categories (parent_id, name) VALUES (\(food), '火锅') RETURNING id", "id",
            as: Int64.self)
        let merchant = try await client.scalar(
            """
            INSERT INTO merchants.merchants (oper_id, category_id, name, brand, address, province, province_id, city,
                city_id, area, area_id, lng, lat, opens_at, closes_at, lowest_amount, approval)
            VALUES (\(centre), \(hotpot), '海底捞(王府井店)', '海底捞', '王府井大街 88 号', '北京市', '110000', '北京市',
                '110100', '东城区', '110101', 116.410886, 39.913720, '10:30:00', '22:00:00', 8000, 'approved')
            RETURNING id
            """, "id", as: Int64.self)
        let voucher = try await client.scalar(
            """
            INSERT INTO merchants.goods (catalogue, merchant_id, name, start_date, end_date, pic, pic_list, status)
            VALUES ('voucher', \(merchant), '100 元代金券', current_date - 1, current_date + 365, '/files/v.png',
                '["/files/v1.png"]', 1)
            RETURNING id
            """, "id", as: Int64.self)
        try await client.execute(
            """
            INSERT INTO merchants.products (goods_id, sku, market_price, price, stock)
            VALUES (\(voucher), 'HDL-100', 10000, 8800, 50)
            """)
        let points = try await client.scalar(
            """
            INSERT INTO merchants.goods (catalogue, name, specs, status)
            VALUES ('points', '明基绝地求生吃鸡鼠标', '[{"name":"颜色","values":["红色","黑色"]}]', 1)
            RETURNING id
            """, "id", as: Int64.self)
        try await client.execute(
            """
            INSERT INTO merchants.products (goods_id, spec_key, sku, market_price, price, stock)
            VALUES (\(points), '颜色:::红色', 'ben001', 199, 160, 999), (\(points), '颜色:::黑色', 'ben002', 199, 160, 999)
            """)
        return (merchant, voucher, points)
    }

    @Test func o2oScreensAnswerAsTheDocument() async throws {
        try await TestMesh.with(["auth", "content", "merchants", "gateway"], extraEnvironment: Self.environment) {
            mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let (merchant, voucher, _) = try await Self.seed(client)
            #expect(try await client.o2o("merchants")["code"] == 10007)
            let (token, _) = try await client.wxLogin("mia")
            _ = try await client.bind("13800000571", token: token)

            let tree = try await client.o2o("merchant/categories/tree", token: token)
            #expect(tree["code"] == 0, "\(tree)")
            let top = try #require(tree["data"]?["list"]?[0]?.objectValue)
            #expect(top.keys == ["id", "pid", "name", "icon", "status", "sub"])
            #expect(top["icon"] == "http://files.test.example/files/food.png")
            #expect(top["sub"]?[0]?["name"] == "火锅")

            let nearby = try await client.o2o(
                "merchants", token: token, viaReferer: true,
                ["lng": "116.397128", "lat": "39.916527", "radius": "5000", "page": "1"])
            #expect(nearby["code"] == 0, "\(nearby)")
            #expect(nearby["data"]?["total"] == 1)
            let item = try #require(nearby["data"]?["list"]?[0]?.objectValue)
            #expect(
                item.keys == [
                    "id", "oper_id", "merchant_category_id", "merchantCategoryName", "name", "brand", "region",
                    "address",
                    "province", "province_id", "city", "city_id", "area", "area_id", "lng", "lat", "business_time",
                    "logo", "desc_pic", "desc", "contacter", "contacter_phone", "status", "distance", "lowestAmount",
                    "isOperSelf",
                ])
            #expect(item["id"] == .number(JSONNumber(merchant)))
            #expect(item["isOperSelf"] == 1)
            #expect(item["lng"]?.numberValue?.text == "116.410886")
            #expect(item["business_time"] == ["10:30:00", "22:00:00"])
            #expect(
                item["distance"]?.intValue.map { (1100...1250).contains($0) } == true, "\(item["distance"] ?? .null)")
            let elsewhere = try await client.o2o(
                "merchants", token: token, appID: "wxsomeoneelse",
                ["lng": "116.397128", "lat": "39.916527", "radius": "5000"])
            #expect(elsewhere["data"]?["list"]?[0]?["isOperSelf"] == 0, "\(elsewhere)")

            let detail = try await client.o2o("merchant/detail", token: token, ["id": .number(JSONNumber(merchant))])
            #expect(detail["data"]?["name"] == "海底捞(王府井店)")
            #expect(detail["data"]?["distance"] == nil)

            let goods = try await client.o2o("goods", token: token, ["merchant_id": .number(JSONNumber(merchant))])
            let first = try #require(goods["data"]?["list"]?[0]?.objectValue)
            #expect(
                first.keys == [
                    "id", "oper_id", "merchant_id", "name", "desc", "market_price", "price", "start_date", "end_date",
                    "business_time", "thumb_url", "pic", "pic_list", "buy_info", "status", "sell_number",
                ])
            #expect(first["price"]?.numberValue?.text == "88.00")
            #expect(first["pic_list"] == ["http://files.test.example/files/v1.png"])
            let goodsDetail = try await client.o2o("goods/detail", token: token, ["id": .number(JSONNumber(voucher))])
            #expect(goodsDetail["data"]?["name"] == "100 元代金券")

            let missing = try await client.o2o("goods/detail", token: token, ["id": 999_999])
            #expect(missing["code"] == 500)
            #expect(missing["message"] == "商品不存在或已下架")
            let bad = try await client.o2o("merchants", token: token, ["lng": "abc", "lat": "39.9"])
            #expect(bad["code"] == 10001)
        }
    }

    @Test func pointsMallAnswersAsTheDocument() async throws {
        try await TestMesh.with(["auth", "content", "merchants", "gateway"], extraEnvironment: Self.environment) {
            mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let (_, _, points) = try await Self.seed(client)
            let list = try await client.yaf(
                "goods.list", ["cat_id": -1, "keywords": "", "start_price": -1, "end_price": -1, "page": 1])
            #expect(list["code"] == 200, "\(list)")
            #expect(list["msg"] == "success")
            #expect(list["data"]?.objectValue?.keys == ["list", "total", "page", "count", "isnext"])
            let item = try #require(list["data"]?["list"]?[0]?.objectValue)
            #expect(
                item.keys == [
                    "goodsid", "goods_name", "min_price", "max_price", "goods_img", "buy_count", "month_buy_count",
                ])
            #expect(item["min_price"] == 160)

            let detail = try await client.yaf("goods.detail", ["goods_id": .number(JSONNumber(points))])
            let data = try #require(detail["data"]?.objectValue)
            #expect(
                data.keys == [
                    "goodsid", "goods_name", "min_market_price", "max_market_price", "min_price", "max_price",
                    "goods_img", "buy_count", "month_buy_count", "limit_count", "description", "products", "spec_val",
                    "goods_image",
                ])
            #expect(data["spec_val"] == ["颜色": ["红色", "黑色"]])
            #expect(
                data["products"]?["颜色:::黑色"]
                    == [
                        "productid": data["products"]?["颜色:::黑色"]?["productid"] ?? .null, "market_price": 199,
                        "sales_price": 160, "stock": 999, "spec_val": "颜色:::黑色", "skuid": "ben002",
                        "arr_spec_val": ["颜色": "黑色"],
                    ])
            let unknown = try await client.yaf("goods.detail", ["goods_id": 999_999])
            #expect(unknown["code"] == 503)
        }
    }
}

/// The merchants admin surface through the gateway: an admin builds a centre, a category, a merchant and
/// its voucher, and the mini-program sees them.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct MerchantsAdminGatewayTests {
    @Test func whatAnAdminPublishesTheMiniProgramShows() async throws {
        try await TestMesh.with(
            ["auth", "content", "merchants", "gateway"], extraEnvironment: MerchantsGatewayTests.environment
        ) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            func ok(_ operation: String, _ body: JSONObject) async throws -> JSONValue {
                let reply = try await client.admin("merchants/\(operation)", body)
                #expect(reply["ok"] == true, "\(operation): \(reply)")
                return reply["data"] ?? .null
            }
            let centre = try await ok(
                "centres.create", ["name": "北京运营中心", "app_id": .string(MiniProgramAuthClient.o2oApp)])["oper_id"]
            let category = try await ok("categories.create", ["name": "美食"])["category_id"]
            let created = try await ok(
                "merchants.create",
                [
                    "oper_id": centre ?? .null, "category_id": category ?? .null, "name": "全聚德(前门店)",
                    "address": "前门大街 30 号", "lng": "116.397811", "lat": "39.896988",
                    "business_time": ["11:00:00", "21:00:00"], "lowest_amount": "120.00",
                ])
            #expect(created["city_id"] == "110100" || created["city_id"] == 110100, "\(created)")
            let merchant = created["merchant_id"] ?? .null
            let duplicate = try await client.admin(
                "merchants/centres.create", ["name": "又一个", "app_id": .string(MiniProgramAuthClient.o2oApp)])
            #expect(duplicate["ok"] == false && duplicate["error"] == "already_exists", "\(duplicate)")
            let outside = try await client.admin(
                "merchants/merchants.create",
                [
                    "oper_id": centre ?? .null, "category_id": category ?? .null, "name": "海上", "address": "—",
                    "lng": "0", "lat": "0", "lowest_amount": "1",
                ])
            #expect(outside["ok"] == false, "\(outside)")

            let (token, _) = try await client.wxLogin("noah")
            _ = try await client.bind("13800000572", token: token)
            let near: JSONObject = ["lng": "116.397128", "lat": "39.916527", "radius": "5000"]
            #expect(try await client.o2o("merchants", token: token, near)["data"]?["total"] == 0)
            _ = try await ok("merchants.approve", ["merchant_id": merchant])
            let listed = try await client.o2o("merchants", token: token, near)
            #expect(listed["data"]?["list"]?[0]?["name"] == "全聚德(前门店)", "\(listed)")
            #expect(listed["data"]?["list"]?[0]?["lowestAmount"]?.numberValue?.text == "120.00")

            let voucher = try await ok(
                "goods.create",
                [
                    "catalogue": "voucher", "merchant_id": merchant, "name": "烤鸭双人套餐",
                    "start_date": "2020-01-01", "end_date": "2999-12-31",
                    "products": [["sku": "QJD-2", "price": "298.00", "market_price": "368.00", "stock": 20]],
                ])["goods_id"]
            #expect(try await client.o2o("goods/detail", token: token, ["id": voucher ?? .null])["code"] == 500)
            _ = try await ok("goods.publish", ["goods_id": voucher ?? .null])
            let shown = try await client.o2o("goods/detail", token: token, ["id": voucher ?? .null])
            #expect(shown["data"]?["price"]?.numberValue?.text == "298.00", "\(shown)")
        }
    }
}
