import HTTPCore
import JSON
import Testing

/// The mobile mall's cart and member centre end to end through the gateway in the mobile dialect, with
/// the real auth, user, orders and merchants executables: a member who signed in adds a product twice
/// (one line), changes and removes it, sees the lines as JSON, and opens the member centre with their
/// balance, points and order counts.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct MobileCartTests {
    static let environment = MobileAuthTests.generousLimits.merging([
        "MERCHANTS_SEED_DEMO_MERCHANTS": "false", "MERCHANTS_PUBLIC_BASE_URL": "http://files.test.example",
        "GATEWAY_RATE_LIMIT_PER_ADDRESS": "100000", "GATEWAY_RATE_LIMIT_PER_USER": "100000",
    ]) { _, new in new }

    /// A published speaker in red (`SPK-R`, 12.50 yuan, 5 in stock) and black (`SPK-B`, 9.90 yuan), made by
    /// an admin through the gateway; its goods id and the red and black product ids.
    static func speaker(_ mesh: TestMesh) async throws -> (goods: JSONValue, red: JSONValue, black: JSONValue) {
        let admin = AdminClient(mesh: mesh)
        let created = try await admin.call(
            "merchants/goods.create",
            [
                "catalogue": "mall", "name": "便携蓝牙音箱", "pic": "/files/speaker.png",
                "specs": [["name": "颜色", "values": ["红色", "黑色"]]],
                "products": [
                    ["spec": ["颜色": "红色"], "sku": "SPK-R", "price": "12.50", "stock": 5],
                    ["spec": ["颜色": "黑色"], "sku": "SPK-B", "price": "9.90", "stock": 50],
                ],
            ])
        #expect(created["ok"] == true, "\(created)")
        let goods = try #require(created["data"]?["goods_id"])
        let published = try await admin.call("merchants/goods.publish", ["goods_id": goods])
        #expect(published["ok"] == true, "\(published)")
        let products = created["data"]?["products"]?.arrayValue ?? []
        let red = try #require(products.first { $0["sku"] == "SPK-R" }?["product_id"])
        let black = try #require(products.first { $0["sku"] == "SPK-B" }?["product_id"])
        return (goods, red, black)
    }

    @Test func aSignedInMemberFillsTheCartAndOpensTheMemberCentre() async throws {
        try await TestMesh.with(
            ["auth", "user", "orders", "merchants", "gateway"], extraEnvironment: Self.environment
        ) { mesh in
            let client = MobileClient(mesh: mesh)
            let speaker = try await Self.speaker(mesh)
            let phone = "13700000301"
            let token = try await client.registerAndLogIn(phone, password: "cart_pass1")

            func save(_ product: JSONValue, _ number: JSONValue) async throws -> JSONValue {
                try await client.call(
                    "/mobile/member/shopcart/save", ["proId": speaker.goods, "proSkuId": product, "num": number],
                    token: token)
            }
            #expect(try await save(speaker.red, 2) == true)
            #expect(try await save(speaker.red, 2) == true)
            #expect(try await save(speaker.black, 1) == true)
            #expect(try await save(speaker.red, 2) == false, "4 in the cart and 2 more pass the stock of 5")
            #expect(try await save(speaker.red, 0) == false)
            #expect(try await save(speaker.red, -1) == false)
            #expect(try await save("999999", 1) == false)
            #expect(
                try await client.call(
                    "/mobile/member/shopcart/save", ["proId": speaker.goods, "proSkuId": speaker.red, "num": 1])
                    == false, "no session")

            let list = try await client.call("/mobile/member/shopcart/list", token: token)
            #expect(list["code"] == "200" && list["msg"] == "操作成功", "\(list)")
            let lines = list["data"]?["list"]?.arrayValue ?? []
            #expect(lines.count == 2)
            let red = try #require(lines.first { $0["proSkuId"]?.scalarText == speaker.red.scalarText })
            #expect(red["num"] == 4 && red["onSale"] == true && red["stock"] == 5)
            #expect(red["spec"] == ["颜色": "红色"] && red["proName"] == "便携蓝牙音箱")
            #expect(red["pic"] == "http://files.test.example/files/speaker.png")
            #expect(list["data"]?["totalNum"] == 5)
            #expect(list["data"]?["totalPrice"]?.serialized() == "59.9")
            let line = try #require(red["shopcartId"])

            #expect(
                try await client.call("/mobile/member/shopcart/num", ["shopcartId": line, "number": 5], token: token)
                    == true)
            #expect(
                try await client.call("/mobile/member/shopcart/num", ["shopcartId": line, "number": 6], token: token)
                    == false)
            #expect(
                try await client.call("/mobile/member/shopcart/num", ["shopcartId": line, "number": 0], token: token)
                    == false)

            let stranger = try await TestSessions.open(
                mesh, dialect: "mobile", account: try await TestSessions.createAccount(mesh, mobile: "13700000302"))
            #expect(
                try await client.call("/mobile/member/shopcart/del", ["shopcartId": line], token: stranger) == false)
            #expect(
                try await client.call(
                    "/mobile/member/shopcart/num", ["shopcartId": line, "number": 1], token: stranger)
                    == false)
            let strangersCart = try await client.call("/mobile/member/shopcart/list", token: stranger)
            #expect(strangersCart["data"]?["list"] == .array([]))

            var byGet = HTTPRequest(method: .get, target: "/mobile/member/shopcart/list")
            byGet.headers.add("token", token)
            let got = try JSONValue.parse(try await mesh.send(byGet, to: "gateway").body)
            #expect(got["data"]?["list"]?[0]?["num"] != nil && got["data"]?["totalNum"] == 6, "\(got)")

            #expect(try await client.call("/mobile/member/shopcart/del", ["shopcartId": line], token: token) == true)
            #expect(try await client.call("/mobile/member/shopcart/del", ["shopcartId": line], token: token) == false)
            let after = try await client.call("/mobile/member/shopcart/list", token: token)
            #expect(after["data"]?["list"]?.arrayValue?.count == 1)

            let code = try await client.sendPhoneCode(phone, type: "2")
            let payPassword = try await client.call(
                "/mobile/member/paypwd", ["username": .string(phone), "paypwd": "pay_pass1", "code": .string(code)],
                token: token)
            #expect(payPassword["code"] == 200, "\(payPassword)")
            let recharge = try await client.call(
                "/mobile/member/recharge", ["amount": "10", "paypwd": "pay_pass1"], token: token)
            #expect(recharge["code"] == 308, "\(recharge)")

            let centre = try await client.call("/mobile/member/index", token: token)
            #expect(centre["code"] == 200 && centre["msg"] == "操作成功", "\(centre)")
            #expect(centre.objectValue?.keys == ["data", "code", "msg"])
            let member = try #require(centre["data"]?["member"])
            #expect(member["tmMemberPhone"] == .string(phone))
            #expect(member["tmMemberNickname"] == "137****0301")
            #expect(member["memberAccount"]?["tmcBalance"] == 0)
            #expect(member["memberAccount"]?["tmcEnableScore"] == 0)
            #expect(centre["data"]?["couponNum"] == 0)
            #expect(centre["data"]?["orderStatusNums"] == ["11": 1, "12": 0, "13": 0, "14": 0, "15": 0])
            #expect(try await client.call("/mobile/member/index")["code"] == 300)
        }
    }
}
