import Foundation
import JSON
import Mesh
import ServiceHarness
import ServiceKit
import Testing

@testable import OrdersService

/// Ordering in the points mall through the orders service's real routes: an order placed and paid in gold
/// coins, listed exactly as the document shows, shipped, completed or closed by the platform (the coins and
/// stock coming back once), and a placing cut short repaired by the sweep.
@Suite(.serialized)
struct PointsOrderFlowTests {
    static let listKeys = [
        "orderid", "order_sn", "total_price", "pay_time", "order_status", "shipping_time", "done_time",
        "closed_time", "receiver_name", "receiver_province", "receiver_city", "receiver_district", "receiver_street",
        "receiver_address", "receiver_mobile", "c_time", "order_status_label", "goods_list",
    ]
    static let itemKeys = [
        "goodsid", "goods_name", "goods_image", "productid", "spec_val", "market_price", "sales_price", "quantity",
        "payment_price", "total_price",
    ]

    @Test func anOrderIsPaidListedShippedAndCompleted() async throws {
        try await PointsMallBench.with { bench in
            let (caller, account) = try await bench.customer(coins: 1_000)
            let address = try await bench.address(of: account)
            let (goods, products) = try await bench.goods(keys: ["颜色:::红色", "颜色:::黑色"], price: 160, stock: 10)
            let token = try await bench.tokens(caller)[0]
            let placed = try await bench.submit(
                caller, goods: goods, product: products[0], quantity: 2, address: address, token: token)
            #expect(placed.kind == .ok && placed.message == "兑换成功", "\(placed.message)")
            let order = try #require(placed.data?.objectValue)
            #expect(order.keys == Self.listKeys)
            let orderSN = try #require(order["order_sn"]?.stringValue)
            #expect(orderSN.count == 20 && orderSN.hasPrefix("SN") && orderSN.dropFirst(2).allSatisfy(\.isNumber))
            #expect(order["order_status"] == 1 && order["order_status_label"] == "待发货")
            #expect(order["total_price"] == 320 && order["pay_time"]?.stringValue?.count == 19)
            #expect(order["shipping_time"] == .null && order["done_time"] == .null && order["closed_time"] == .null)
            #expect(order["receiver_name"] == "张木沐" && order["receiver_province"] == "广东省")
            #expect(order["receiver_city"] == "深圳市" && order["receiver_district"] == "南山区")
            #expect(order["receiver_street"] == "" && order["receiver_address"] == "粤海街道东方科技大厦601")
            #expect(order["receiver_mobile"] == "14812345678")
            let item = try #require(order["goods_list"]?[0]?.objectValue)
            #expect(item.keys == Self.itemKeys)
            #expect(item["goodsid"] == .integer(goods) && item["productid"] == .integer(products[0]))
            #expect(item["goods_name"] == "明基绝地求生吃鸡鼠标" && item["spec_val"] == "颜色:::红色")
            #expect(item["goods_image"]?.stringValue?.hasSuffix("/files/mouse.png") == true)
            #expect(item["market_price"] == 199 && item["sales_price"] == 160 && item["quantity"] == 2)
            #expect(item["payment_price"] == 320 && item["total_price"] == 320)

            #expect(try await bench.coins(account) == 680)
            #expect(try await bench.stock(products[0]) == 8)
            #expect(try await bench.coinMovements(orderSN) == ["spend": 1])
            #expect(try await bench.reservations(orderSN) == ["committed"])

            let listed = try await bench.list(caller)
            #expect(listed.kind == .ok && listed.message == "success")
            let page = try #require(listed.data?.objectValue)
            #expect(page["total"] == 1 && page["page"] == 1 && page["count"] == 20 && page["isnext"] == false)
            #expect(page["list"]?[0] == .object(order))

            let shipped = try await bench.admin(
                "points.orders.ship", ["order_sn": .string(orderSN), "carrier": "顺丰速运", "tracking_no": "SF100"])
            #expect(shipped.kind == .ok, "\(shipped.message)")
            #expect(shipped.data?["order_status"] == 2 && shipped.data?["carrier"] == "顺丰速运")
            let afterShipping = try #require(try await bench.list(caller).data?["list"]?[0])
            #expect(afterShipping["order_status_label"] == "已发货" && afterShipping["shipping_time"] != .null)
            #expect(afterShipping["done_time"] == .null)
            #expect(try await bench.admin("points.orders.ship", ["order_sn": .string(orderSN)]).kind == .invalidState)

            let completed = try await bench.admin("points.orders.complete", ["order_id": order["orderid"] ?? .null])
            #expect(completed.kind == .ok && completed.data?["order_status"] == 3)
            let done = try #require(try await bench.list(caller, ["order_status": 3]).data?["list"]?[0])
            #expect(done["order_status_label"] == "交易成功" && done["done_time"] != .null)
            #expect(try await bench.admin("points.orders.close", ["order_sn": .string(orderSN)]).kind == .invalidState)
            #expect(try await bench.coins(account) == 680)

            let detail = try await bench.admin("points.orders.get", ["order_sn": .string(orderSN)])
            #expect(detail.data?["account_id"] == .integer(account) && detail.data?["tracking_no"] == "SF100")
            #expect(
                detail.data?["history"]?.arrayValue?.map { $0["to"] } == [
                    "placing", "paid", "shipped", "completed",
                ])
            #expect(try await bench.admin("points.orders.get", ["order_sn": "SN202001010000000000"]).kind == .notFound)
        }
    }

    @Test func theListFiltersAsTheDocumentSays() async throws {
        try await PointsMallBench.with { bench in
            let (caller, account) = try await bench.customer(coins: 10_000)
            _ = try await bench.address(of: account)
            let (goods, products) = try await bench.goods(price: 100, stock: 50)
            var numbers: [String] = []
            for token in try await bench.tokens(caller, 3) {
                let reply = try await bench.submit(caller, goods: goods, product: products[0], token: token)
                numbers.append(try #require(reply.data?["order_sn"]?.stringValue, "\(reply.message)"))
            }
            _ = try await bench.admin("points.orders.ship", ["order_sn": .string(numbers[1])])
            _ = try await bench.admin("points.orders.close", ["order_sn": .string(numbers[2])])
            func listed(_ parameters: JSONObject) async throws -> [JSONValue] {
                let reply = try await bench.list(caller, parameters)
                #expect(reply.kind == .ok, "\(parameters): \(reply.message)")
                return reply.data?["list"]?.arrayValue?.map { $0["order_sn"] ?? .null } ?? []
            }
            let all = numbers.reversed().map(JSONValue.string)
            #expect(try await listed([:]) == all)
            #expect(try await listed(["order_sn": .string(numbers[1])]) == [.string(numbers[1])])
            #expect(try await listed(["order_sn": "SN000"]) == [])
            #expect(try await listed(["order_status": 1]) == [.string(numbers[0])])
            #expect(try await listed(["order_status": "2"]) == [.string(numbers[1])])
            #expect(try await listed(["order_status": 4]) == [.string(numbers[2])])
            #expect(try await listed(["order_status": 3]) == [])
            let today = DisplayTime.china.day(of: .now)
            #expect(try await listed(["start_time": .string(today), "end_time": .string(today)]) == all)
            #expect(try await listed(["start_time": "2099-01-01 00:00:00"]) == [])
            #expect(try await listed(["end_time": "2000-01-01"]) == [])
            #expect(try await listed(["page": 2]) == [])

            let closed = try #require(try await bench.list(caller, ["order_status": 4]).data?["list"]?[0])
            #expect(closed["order_status_label"] == "已关闭" && closed["closed_time"] != .null)

            for bad: JSONObject in [
                ["order_status": 5], ["order_status": 0], ["start_time": "yesterday"],
                ["end_time": "2024-02-30"], ["page": 0],
            ] {
                let reply = try await bench.list(caller, bad)
                #expect(reply.kind == .invalidParams, "\(bad): \(reply.kind) \(reply.message)")
            }
            let (stranger, _) = try await bench.customer(coins: 0)
            #expect(try await bench.list(stranger).data?["total"] == 0)
            #expect(try await bench.mesh.call(.yaf, "order.list", [:]).kind == .notLoggedIn)
        }
    }

    @Test func closingGivesTheCoinsAndStockBackOnceEvenWhenClosedTwiceAtOnce() async throws {
        try await PointsMallBench.with { bench in
            let (caller, account) = try await bench.customer(coins: 1_000)
            _ = try await bench.address(of: account)
            let (goods, products) = try await bench.goods(price: 300, stock: 5)
            let token = try await bench.tokens(caller)[0]
            let placed = try await bench.submit(caller, goods: goods, product: products[0], quantity: 2, token: token)
            let orderSN = try #require(placed.data?["order_sn"]?.stringValue, "\(placed.message)")
            #expect(try await bench.coins(account) == 400)
            #expect(try await bench.stock(products[0]) == 3)
            let answers = try await withThrowingTaskGroup(of: ReplyKind.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await bench.admin("points.orders.close", ["order_sn": .string(orderSN), "reason": "缺货"])
                            .kind
                    }
                }
                return try await group.reduce(into: [ReplyKind]()) { $0.append($1) }
            }
            #expect(answers.filter { $0 == .ok }.count == 1, "\(answers)")
            #expect(answers.filter { $0 == .invalidState }.count == 3, "\(answers)")
            #expect(try await bench.coins(account) == 1_000)
            #expect(try await bench.stock(products[0]) == 5)
            #expect(try await bench.coinMovements(orderSN) == ["spend": 1, "add": 1])
            #expect(try await bench.reservations(orderSN) == ["refunded"])
            let detail = try await bench.admin("points.orders.get", ["order_sn": .string(orderSN)])
            #expect(detail.data?["state"] == "closed" && detail.data?["returns_pending"] == false)
            #expect(detail.data?["close_reason"] == "缺货")
            try await bench.mall().sweep.run()
            #expect(try await bench.coins(account) == 1_000)
            #expect(try await bench.stock(products[0]) == 5)
        }
    }

    @Test func aPlacingCutShortIsGivenBackByTheSweep() async throws {
        try await PointsMallBench.with { bench in
            let (caller, account) = try await bench.customer(coins: 1_000)
            _ = try await bench.address(of: account)
            let (goods, products) = try await bench.goods(price: 250, stock: 4)
            let mall = bench.mall(staleAfter: .seconds(1))
            let placement = mall.placement
            let item = PointsOrderItem(
                goodsID: goods, goodsName: "鼠标", goodsImage: "", productID: products[0], specVal: "", marketPrice: 300,
                salesPrice: 250, quantity: 2, paymentPrice: 500, totalPrice: 500)
            let receiver = PointsReceiver(
                name: "张木沐", province: "广东省", city: "深圳市", district: "南山区", street: "", address: "科技大厦",
                mobile: "14812345678")
            let draft = PointsOrderDraft(accountID: account, item: item, receiver: receiver, limitCount: 0)

            // A request that reserved the stock and spent the coins, then died before it could commit.
            let number = try await placement.book.nextOrderNumber(time: .china)
            let crashed = try #require(try? await placement.book.place(draft, orderSN: number).get())
            guard case .ok = await placement.movements.reserve(crashed) else { throw InProcessMeshError("no reserve") }
            guard case .ok = await placement.movements.spend(crashed) else { throw InProcessMeshError("no spend") }
            // Another that wrote its order and died before anything moved.
            let early = try #require(
                try? await placement.book.place(
                    draft, orderSN: try await placement.book.nextOrderNumber(time: .china)
                ).get())
            #expect(try await bench.coins(account) == 500)
            #expect(try await bench.stock(products[0]) == 2)

            try await mall.sweep.run()
            #expect(try await bench.orderStates().map(\.state) == ["placing", "placing"])
            try await Task.sleep(for: .milliseconds(1_100))
            try await mall.sweep.run()
            #expect(try await bench.orderStates().map(\.state) == ["failed", "failed"])
            #expect(try await bench.coins(account) == 1_000)
            #expect(try await bench.stock(products[0]) == 4)
            #expect(try await bench.coinMovements(crashed.orderSN) == ["spend": 1, "add": 1])
            #expect(try await bench.reservations(crashed.orderSN) == ["released"])
            let earlyCoins = try await bench.coinMovements(early.orderSN)
            #expect(earlyCoins["spend"] == earlyCoins["add"])
            #expect(try await bench.reservations(early.orderSN).allSatisfy { $0 == "released" })
            #expect(try await bench.list(caller).data?["total"] == 0)
            try await mall.sweep.run()
            #expect(try await bench.coins(account) == 1_000)
            #expect(try await bench.stock(products[0]) == 4)
        }
    }
}
