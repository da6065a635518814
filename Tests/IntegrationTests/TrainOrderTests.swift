import Crypto
import Dialects
import Foundation
import JSON
import Postgres
import Testing

/// The train mini-program's customer orders through the gateway: createOrder checks its input and answers
/// WeChat Pay's parameters signed with HMAC-SHA256; a payment moves the order to wait_rob; orders are listed
/// and read only by their owner; payOrder and cancleOrder answer the document's codes; a paid order
/// cancelled before any merchant had it is refunded in full.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct TrainOrderTests {
    static let services = ["auth", "user", "orders", "gateway"]

    static func tomorrow() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let day = calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(86_400))
        return String(format: "%04d-%02d-%02d", day.year!, day.month!, day.day!)
    }

    static func order(amount: JSONValue = "80.5", details: JSONValue? = nil) -> JSONObject {
        [
            "ticketIdentity": "11010519491231002X", "ticketName": "胡超", "fromSite": "北京", "toSite": "郑州",
            "ticketDetails": details
                ?? .array([["seatType": "硬座,硬卧", "departureDate": .string(tomorrow()), "trainNum": "K180,K190"]]),
            "orderAmount": amount, "termIp": "127.0.0.1",
        ]
    }

    @Test func aCustomerOrdersPaysListsAndCancels() async throws {
        try await TestMesh.with(Self.services, extraEnvironment: MobileRechargeTests.environment) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let (user, key) = try await client.trainLogin("train-customer-1")
            let (other, otherKey) = try await client.trainLogin("train-customer-2")
            func call(
                _ name: String, _ data: JSONObject, as who: (String, String) = (user, key)
            ) async throws -> JSONValue {
                try await client.train(name, loginKey: who.1, userID: who.0, data)
            }

            var badIdentity = Self.order()
            badIdentity["ticketIdentity"] = "110105194912310021"
            #expect(try await call("createOrder", badIdentity)["code"] == "0023")
            let past: JSONValue = .array([["seatType": "硬座", "departureDate": "2020-01-01", "trainNum": "K180"]])
            let eleven: JSONValue = .array(
                Array(
                    repeating: ["seatType": "硬座", "departureDate": .string(Self.tomorrow()), "trainNum": "K1"],
                    count: 11))
            for bad in [
                Self.order(amount: "0"), Self.order(amount: "-1"), Self.order(amount: "1.234"),
                Self.order(amount: "10000.01"),
                Self.order(details: "not an array"), Self.order(details: .array([])), Self.order(details: eleven),
                Self.order(details: past),
            ] {
                #expect(try await call("createOrder", bad)["code"] == "0013", "\(bad)")
            }

            let created = try await call("createOrder", Self.order())
            #expect(created["code"] == "0000", "\(created)")
            let pay = try #require(created["data"])
            #expect(pay["signType"] == "HMAC-SHA256")
            var signed: [String: String] = ["appId": "wxdevo2o"]
            for name in ["timeStamp", "nonceStr", "package", "signType"] {
                signed[name] = try #require(pay[name]?.stringValue)
            }
            let text =
                signed.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
                .map { "\($0.key)=\($0.value)" }.joined(separator: "&") + "&key=\(MobileRechargeTests.developmentKey)"
            let expected = Hex.encode(
                Digest.hmacSHA256(key: MobileRechargeTests.developmentKey, message: text), uppercase: true)
            #expect(pay["paySign"]?.stringValue == expected)

            let list = try await call("getOrderList", ["pageNum": 1, "pageSize": 20])
            #expect(list["data"]?["total"] == 1 && list["data"]?["pages"] == 1 && list["data"]?["pageNum"] == 1)
            let first = try #require(list["data"]?["datas"]?[0])
            #expect(first["orderStatus"] == "wait_pay" && first["orderAmount"]?.serialized() == "80.50")
            #expect(first["orderNo"]?.stringValue?.count == 22)
            #expect(first["ticketDetails"]?[0]?["trainNum"] == "K180,K190")
            let id = try #require(first["id"])
            let orderNo = try #require(first["orderNo"]?.stringValue)
            for name in ["getOrderDetails", "payOrder", "cancleOrder", "returnAmount", "confirmeOrder"] {
                #expect(try await call(name, ["id": id], as: (other, otherKey))["code"] == "0027", "\(name)")
            }
            let again = try await call("payOrder", ["orderNo": .string(orderNo)])
            #expect(again["data"]?["package"] == pay["package"], "\(again)")

            let tradeNo = try await mesh.withDatabase { database in
                try await database.query("SELECT trade_no FROM orders.train_orders WHERE order_no = \(orderNo)")[0]
                    .decode("trade_no", as: String.self)
            }
            #expect(
                try await AdminClient(mesh: mesh).call("orders/sandbox.wechat.pay", ["trade_no": .string(tradeNo)])[
                    "ok"] == true)
            var state: JSONValue? = nil
            for _ in 0..<100 {
                state = try await call("getOrderDetails", ["id": id])["data"]?["orderStatus"]
                if state == "wait_rob" { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(state == "wait_rob")
            #expect(try await call("payOrder", ["id": id])["code"] == "1004")
            #expect(try await call("cancleOrder", ["id": id])["code"] == "0000")
            #expect(try await call("getOrderDetails", ["id": id])["data"]?["orderStatus"] == "cancel")
            let refunds = try await PaymentRefundTests.waitForRefunds(AdminClient(mesh: mesh), tradeNo) {
                $0.first?["provider_refund_id"]?.stringValue != nil
            }
            #expect(refunds.first?["refund_no"] == .string("cancel-\(orderNo)") && refunds.first?["amount"] == 8050)
            #expect(try await call("cancleOrder", ["id": id])["code"] == "0012")

            let unpaid = try await call("createOrder", Self.order(amount: "30"))
            #expect(unpaid["code"] == "0000")
            let newest = try #require(
                try await call("getOrderList", ["pageNum": 1, "pageSize": 1])["data"]?["datas"]?[0])
            #expect(try await call("cancleOrder", ["id": try #require(newest["id"])])["code"] == "0000")
            #expect(try await call("payOrder", ["id": try #require(newest["id"])])["code"] == "1005")
            let history = try await mesh.withDatabase { database in
                try await database.query("SELECT count(*) AS n FROM orders.train_order_history")[0]
                    .decode("n", as: Int64.self)
            }
            #expect(history == 5)
        }
    }

    @Test func aRefundIsAskedReviewedAndMadeOrRejected() async throws {
        try await TestMesh.with(Self.services, extraEnvironment: MobileRechargeTests.environment) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let admin = AdminClient(mesh: mesh)
            let (user, key) = try await client.trainLogin("train-refund-1")
            func call(_ name: String, _ data: JSONObject) async throws -> JSONValue {
                try await client.train(name, loginKey: key, userID: user, data)
            }
            /// A paid order of `amount` yuan: its id, number and trade.
            func paidOrder(_ amount: String) async throws -> (id: JSONValue, orderNo: String, tradeNo: String) {
                #expect(try await call("createOrder", Self.order(amount: .string(amount)))["code"] == "0000")
                let newest = try #require(
                    try await call("getOrderList", ["pageNum": 1, "pageSize": 1])["data"]?["datas"]?[0])
                let orderNo = try #require(newest["orderNo"]?.stringValue)
                let found = try await admin.call("orders/train.orders.get", ["order_no": .string(orderNo)])
                let tradeNo = try #require(found["data"]?["tradeNo"]?.stringValue, "\(found)")
                _ = try await admin.call("orders/sandbox.wechat.pay", ["trade_no": .string(tradeNo)])
                for _ in 0..<100 {
                    if try await call("getOrderDetails", ["id": try #require(newest["id"])])["data"]?["orderStatus"]
                        == "wait_rob"
                    {
                        break
                    }
                    try await Task.sleep(for: .milliseconds(100))
                }
                return (try #require(newest["id"]), orderNo, tradeNo)
            }
            func status(_ id: JSONValue) async throws -> JSONValue? {
                try await call("getOrderDetails", ["id": id])["data"]?["orderStatus"]
            }
            func orderID(_ orderNo: String) async throws -> JSONValue {
                try #require(
                    try await admin.call("orders/train.orders.get", ["order_no": .string(orderNo)])["data"]?["id"])
            }

            let unpaid = try await call("createOrder", Self.order(amount: "10"))
            #expect(unpaid["code"] == "0000")
            let unpaidID = try #require(
                try await call("getOrderList", ["pageNum": 1, "pageSize": 1])["data"]?["datas"]?[0]?["id"])
            #expect(try await call("returnAmount", ["id": unpaidID])["code"] == "9999")

            let refunded = try await paidOrder("66")
            #expect(try await call("returnAmount", ["id": refunded.id])["code"] == "0000")
            #expect(try await status(refunded.id) == "returning_amount")
            #expect(try await call("cancleOrder", ["id": refunded.id])["code"] == "0012")
            let early = try await admin.call(
                "orders/train.refunds.approve", ["order_id": try await orderID(refunded.orderNo)])
            #expect(early["error"] == "invalid_state")
            let reviewed = try await admin.call(
                "orders/train.refunds.review", ["order_id": try await orderID(refunded.orderNo)])
            #expect(reviewed["data"]?["orderStatus"] == "returned_audit", "\(reviewed)")
            let approved = try await admin.call(
                "orders/train.refunds.approve", ["order_id": try await orderID(refunded.orderNo)])
            #expect(approved["data"]?["refund_no"] == .string("return-\(refunded.orderNo)"), "\(approved)")
            let sent = try await PaymentRefundTests.waitForRefunds(admin, refunded.tradeNo) {
                $0.first?["provider_refund_id"]?.stringValue != nil
            }
            #expect(sent.first?["amount"] == 6600)
            _ = try await admin.call(
                "orders/sandbox.wechat.refund", ["refund_no": .string("return-\(refunded.orderNo)")])
            var final: JSONValue? = nil
            for _ in 0..<100 {
                final = try await status(refunded.id)
                if final == "returned_amount" { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(final == "returned_amount")

            let rejected = try await paidOrder("12")
            #expect(try await call("returnAmount", ["id": rejected.id])["code"] == "0000")
            _ = try await admin.call("orders/train.refunds.review", ["order_id": try await orderID(rejected.orderNo)])
            let refusal = try await admin.call(
                "orders/train.refunds.reject", ["order_id": try await orderID(rejected.orderNo), "reason": "车票已出"])
            #expect(refusal["data"]?["orderStatus"] == "wait_rob", "\(refusal)")
            let history = try await admin.call("orders/train.orders.get", ["order_no": .string(rejected.orderNo)])
            let steps = history["data"]?["history"]?.arrayValue?.compactMap { $0["to"]?.stringValue } ?? []
            #expect(
                steps == ["wait_pay", "wait_rob", "returning_amount", "returned_audit", "returned_return", "wait_rob"])
        }
    }

    @Test func aReplayedCreateOrderIsRefused() async throws {
        try await TestMesh.with(Self.services, extraEnvironment: MobileRechargeTests.environment) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let (user, key) = try await client.trainLogin("train-replay")
            var signed = Self.order(amount: "5")
            signed["nonceStr"] = "replayed-nonce-0001"
            signed["sign"] = .string(TrainSignature.sign(signed, key: DialectRequests.trainKey))
            let first = try await client.trainAsSent("createOrder", loginKey: key, userID: user, signed)
            #expect(first["code"] == "0000", "\(first)")
            let again = try await client.trainAsSent("createOrder", loginKey: key, userID: user, signed)
            #expect(again["code"] == "0017", "\(again)")
            let orders = try await mesh.withDatabase { database in
                try await database.query("SELECT count(*) AS n FROM orders.train_orders")[0].decode("n", as: Int64.self)
            }
            #expect(orders == 1)
        }
    }

    @Test func aPaymentArrivingAfterTheCustomerCancelledIsRefunded() async throws {
        try await TestMesh.with(Self.services, extraEnvironment: MobileRechargeTests.environment) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let admin = AdminClient(mesh: mesh)
            let (user, key) = try await client.trainLogin("train-late-payer")
            #expect(
                try await client.train("createOrder", loginKey: key, userID: user, Self.order(amount: "40"))["code"]
                    == "0000")
            let newest = try #require(
                try await client.train("getOrderList", loginKey: key, userID: user, ["pageNum": 1, "pageSize": 1])[
                    "data"]?[
                        "datas"]?[0])
            let orderNo = try #require(newest["orderNo"]?.stringValue)
            #expect(
                try await client.train("cancleOrder", loginKey: key, userID: user, ["id": try #require(newest["id"])])[
                    "code"] == "0000")
            let found = try await admin.call("orders/train.orders.get", ["order_no": .string(orderNo)])
            let tradeNo = try #require(found["data"]?["tradeNo"]?.stringValue)
            let closed = try await mesh.withDatabase { database in
                try await database.query(
                    "SELECT state FROM orders.sandbox_wechat_orders WHERE out_trade_no = \(tradeNo)"
                )[0].decode("state", as: String.self)
            }
            #expect(closed == "CLOSED")
            // WeChat Pay took the payment before the close reached it.
            _ = try await mesh.withDatabase { database in
                try await database.execute(
                    "UPDATE orders.sandbox_wechat_orders SET state = 'NOTPAY' WHERE out_trade_no = \(tradeNo)")
            }
            #expect(try await admin.call("orders/sandbox.wechat.pay", ["trade_no": .string(tradeNo)])["ok"] == true)
            let refunds = try await PaymentRefundTests.waitForRefunds(admin, tradeNo) {
                $0.first?["state"] == "succeeded"
            }
            #expect(
                refunds.first?["amount"] == 4000 && refunds.first?["refund_no"]?.stringValue?.hasPrefix("auto-") == true
            )
            let detail = try await client.train(
                "getOrderDetails", loginKey: key, userID: user, ["id": try #require(newest["id"])])
            #expect(detail["data"]?["orderStatus"] == "cancel")
        }
    }
}
