import Foundation
import JSON
import Postgres
import Testing

/// The points mall's orders end to end: the real gateway, auth, content, user, merchants and orders
/// executables, the app base API signed with its MD5 signature. A customer takes request tokens, orders
/// with gold coins, lists the order; the platform ships and completes it; a second order is closed and
/// its coins and stock come back; the coins and the ledgers add up.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct PointsMallOrderTests {
    static let services = ["auth", "content", "user", "merchants", "orders", "gateway"]
    static let beijing: JSONObject = [
        "tdProvince": "110000", "tdCity": "110100", "tdArea": "110101", "tdProvinceName": "北京市",
        "tdCityName": "北京市", "tdAreaName": "东城区", "tdDetail": "东华门大街 1 号", "tdReciver": "张龙",
        "tdPhone": "18122457730",
    ]

    @Test func aCustomerOrdersWithGoldCoinsAndThePlatformShipsCompletesAndCloses() async throws {
        try await TestMesh.with(Self.services, extraEnvironment: MerchantsGatewayTests.environment) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let users = UserTestClient(mesh: mesh)
            let (account, session) = try await users.signedIn(.yaf, mobile: "13800000091")
            let mobileSession = try await TestSessions.open(mesh, dialect: "mobile", account: account)
            let saved = try await users.call(.mobile, "member/modify", token: mobileSession, Self.beijing)
            let address = try #require(saved["addrId"]?.int64Value, "member/modify: \(saved)")
            let coins = try await users.internalCall(
                "points.add", ["account_id": .string(String(account)), "points": 1_000], key: "it-points-mall-coins")
            #expect(coins["kind"] == "ok", "\(coins)")
            let goods = try await client.scalar(
                """
                INSERT INTO merchants.goods (catalogue, name, pic, specs, limit_count, status)
                VALUES ('points', '明基绝地求生吃鸡鼠标', '/files/mouse.png', '[{"name":"颜色","values":["红色","黑色"]}]', 5, 1)
                RETURNING id
                """, "id", as: Int64.self)
            let red = try await client.scalar(
                """
                INSERT INTO merchants.products (goods_id, spec_key, sku, market_price, price, stock)
                VALUES (\(goods), '颜色:::红色', 'ben001', 199, 160, 20) RETURNING id
                """, "id", as: Int64.self)

            let issued = try await client.yaf("system.request.token", token: session, ["number": 3])
            #expect(issued["code"] == 200, "\(issued)")
            let tokens = try #require(issued["data"]?["token"]?.stringValue).split(separator: ",").map(String.init)
            #expect(tokens.count == 3)
            func submit(_ token: String, quantity: Int64, extra: JSONObject = [:]) async throws -> JSONValue {
                var parameters: JSONObject = [
                    "goods_id": .number(JSONNumber(goods)), "productid": .number(JSONNumber(red)),
                    "quantity": .number(JSONNumber(quantity)), "request_token": .string(token),
                ]
                parameters.merge(extra)
                return try await client.yaf("order.submit", token: session, parameters)
            }

            let first = try await submit(tokens[0], quantity: 2)
            #expect(first["code"] == 200 && first["msg"] == "兑换成功", "\(first)")
            let order = try #require(first["data"])
            let orderSN = try #require(order["order_sn"]?.stringValue)
            #expect(orderSN.hasPrefix("SN") && orderSN.count == 20)
            #expect(order["order_status"] == 1 && order["order_status_label"] == "待发货" && order["total_price"] == 320)
            #expect(order["receiver_name"] == "张龙" && order["receiver_district"] == "东城区")
            #expect(order["goods_list"]?[0]?["spec_val"] == "颜色:::红色")
            let reused = try await submit(tokens[0], quantity: 2, extra: ["address_id": .number(JSONNumber(address))])
            #expect(reused["code"] == 503 && reused["msg"] == "请勿重复提交" && reused["data"] == nil, "\(reused)")

            let listed = try await client.yaf(
                "order.list", token: session,
                ["order_sn": "", "order_status": -1, "start_time": "", "end_time": "", "page": 1])
            #expect(listed["code"] == 200 && listed["msg"] == "success", "\(listed)")
            #expect(
                listed["data"]?["total"] == 1 && listed["data"]?["count"] == 20 && listed["data"]?["isnext"] == false)
            #expect(listed["data"]?["list"]?[0] == order)

            let shipped = try await client.admin(
                "orders/points.orders.ship", ["order_sn": .string(orderSN), "carrier": "顺丰速运", "tracking_no": "SF1"])
            #expect(shipped["ok"] == true && shipped["data"]?["order_status"] == 2, "\(shipped)")
            let completed = try await client.admin("orders/points.orders.complete", ["order_sn": .string(orderSN)])
            #expect(completed["ok"] == true && completed["data"]?["order_status"] == 3, "\(completed)")
            let done = try await client.yaf(
                "order.list", token: session, ["order_sn": .string(orderSN), "order_status": 3, "page": 1])
            let doneOrder = try #require(done["data"]?["list"]?[0], "\(done)")
            #expect(doneOrder["order_status_label"] == "交易成功")
            #expect(doneOrder["shipping_time"]?.stringValue?.count == 19 && doneOrder["done_time"]?.stringValue != nil)
            #expect(doneOrder["closed_time"] == .null)

            let second = try await submit(tokens[1], quantity: 3)
            let secondSN = try #require(second["data"]?["order_sn"]?.stringValue, "\(second)")
            #expect(try await self.points(users, account) == 1_000 - 320 - 480)
            #expect(try await self.stock(client, red) == 15)
            let closed = try await client.admin(
                "orders/points.orders.close", ["order_sn": .string(secondSN), "reason": "地址无法送达"])
            #expect(closed["ok"] == true && closed["data"]?["order_status"] == 4, "\(closed)")
            #expect(closed["data"]?["returns_pending"] == false)
            let again = try await client.admin("orders/points.orders.close", ["order_sn": .string(secondSN)])
            #expect(again["ok"] == false && again["error"] == "invalid_state", "\(again)")
            #expect(try await self.points(users, account) == 1_000 - 320)
            #expect(try await self.stock(client, red) == 18)

            let closedList = try await client.yaf("order.list", token: session, ["order_status": 4, "page": 1])
            #expect(closedList["data"]?["list"]?[0]?["order_status_label"] == "已关闭")
            #expect(closedList["data"]?["list"]?[0]?["closed_time"]?.stringValue != nil)
            let all = try await client.yaf("order.list", token: session, ["order_status": -1, "page": 1])
            #expect(all["data"]?["total"] == 2)

            // Over the per-person limit: refused before anything moves.
            let greedy = try await submit(tokens[2], quantity: 5)
            #expect(greedy["code"] == 503 && greedy["msg"] == "该商品每人限兑 5 件，您已兑换 2 件", "\(greedy)")
            #expect(try await self.points(users, account) == 680)

            let audit = try await users.admin("wallet.audit", [:])
            #expect(audit["data"]?["balanced"] == true, "\(audit)")
            let spent = try await client.scalar(
                "SELECT coalesce(sum(change), 0)::bigint AS n FROM users.points_ledger WHERE account_id = \(account)",
                "n",
                as: Int64.self)
            #expect(spent == 680)
            let sold = try await client.scalar(
                "SELECT coalesce(sum(quantity), 0)::bigint AS n FROM merchants.reservations WHERE state = 'committed'",
                "n", as: Int64.self)
            #expect(sold == 2)
        }
    }

    private func points(_ users: UserTestClient, _ account: Int64) async throws -> Int64 {
        let wallet = try await users.internalCall("wallet.get", ["account_id": .string(String(account))])
        return try #require(wallet["data"]?["points"]?.int64Value, "\(wallet)")
    }

    private func stock(_ client: MiniProgramAuthClient, _ product: Int64) async throws -> Int64 {
        try await client.scalar("SELECT stock FROM merchants.products WHERE id = \(product)", "stock", as: Int64.self)
    }
}
