import Foundation
import JSON
import Testing

/// The merchant's side of the train orders through the gateway: only a business session of a merchant
/// may use it (1002 otherwise, and a merchant cannot place customer orders); of 50 merchants grabbing one
/// order at once exactly one wins (0004 for the others); the holder submits the ticket for the audit; a
/// merchant who keeps an order past the booking window loses it.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct TrainMerchantTests {
    /// A train session of a merchant: the person first signs in as a customer (which makes the account),
    /// the admin surface sets the merchant flag, then the person signs in as a merchant. `(userId, loginKey)`.
    static func merchant(
        _ client: MiniProgramAuthClient, _ mesh: TestMesh, _ person: String
    ) async throws -> (String, String) {
        let account = try await client.trainLogin(person)
        let set = try await AdminClient(mesh: mesh).call(
            "user/merchant.set",
            ["account_id": .string(account.userID), "is_merchant": true, "benefit_rate": "0.0500"])
        #expect(set["ok"] == true, "\(set)")
        let session = try await client.trainLogin(person, role: "business")
        return (session.userID, session.loginKey)
    }

    /// A paid order of the customer `who`: its id.
    static func paidOrder(
        _ client: MiniProgramAuthClient, _ mesh: TestMesh, _ who: (userID: String, loginKey: String), amount: String
    ) async throws -> JSONValue {
        let created = try await client.train(
            "createOrder", loginKey: who.loginKey, userID: who.userID, TrainOrderTests.order(amount: .string(amount)))
        #expect(created["code"] == "0000", "\(created)")
        let newest = try #require(
            try await client.train(
                "getOrderList", loginKey: who.loginKey, userID: who.userID, ["pageNum": 1, "pageSize": 1])[
                    "data"]?["datas"]?[0])
        let orderNo = try #require(newest["orderNo"]?.stringValue)
        let found = try await AdminClient(mesh: mesh).call("orders/train.orders.get", ["order_no": .string(orderNo)])
        let tradeNo = try #require(found["data"]?["tradeNo"]?.stringValue)
        _ = try await AdminClient(mesh: mesh).call("orders/sandbox.wechat.pay", ["trade_no": .string(tradeNo)])
        let id = try #require(newest["id"])
        for _ in 0..<100 {
            let state = try await client.train(
                "getOrderDetails", loginKey: who.loginKey, userID: who.userID, ["id": id])
            if state["data"]?["orderStatus"] == "wait_rob" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return id
    }

    @Test func fiftyMerchantsGrabOneOrderAndOneWins() async throws {
        try await TestMesh.with(TrainOrderTests.services, extraEnvironment: MobileRechargeTests.environment) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let customer = try await client.trainLogin("grab-customer")
            let id = try await Self.paidOrder(client, mesh, customer, amount: "100")

            let strangerCode = try await client.wechatCode(
                app: MiniProgramAuthClient.trainApp, person: "grab-not-a-merchant")
            let asStranger = try await client.train("login", role: "business", ["code": .string(strangerCode)])
            #expect(asStranger["code"] == "1002", "\(asStranger)")
            let asCustomer = try await client.train(
                "getRobOrderList", loginKey: customer.loginKey, userID: customer.userID, ["pageNum": 1, "pageSize": 10])
            #expect(asCustomer["code"] == "1002")

            var merchants: [(String, String)] = []
            for index in 0..<50 { merchants.append(try await Self.merchant(client, mesh, "grab-merchant-\(index)")) }
            let first = merchants[0]
            let customerOrder = try await client.train(
                "createOrder", loginKey: first.1, userID: first.0, TrainOrderTests.order())
            #expect(customerOrder["code"] == "1002")
            let list = try await client.train(
                "getRobOrderList", loginKey: first.1, userID: first.0, ["pageNum": 1, "pageSize": 10])
            #expect(list["data"]?["total"] == 1 && list["data"]?["datas"]?[0]?["id"] == id, "\(list)")
            let elsewhere = try await client.train(
                "getRobOrderList", loginKey: first.1, userID: first.0,
                ["pageNum": 1, "pageSize": 10, "fromSite": "上海"])
            #expect(elsewhere["data"]?["total"] == 0)

            let codes = try await withThrowingTaskGroup(of: (String, String).self) { group in
                for merchant in merchants {
                    group.addTask {
                        let answer = try await client.train(
                            "robOrder", loginKey: merchant.1, userID: merchant.0, ["id": id])
                        return (merchant.0, answer["code"]?.stringValue ?? "")
                    }
                }
                var all: [(String, String)] = []
                for try await answer in group { all.append(answer) }
                return all
            }
            let winners = codes.filter { $0.1 == "0000" }
            #expect(winners.count == 1, "\(codes)")
            #expect(codes.filter { $0.1 == "0004" }.count == 49)
            let winner = try #require(merchants.first { $0.0 == winners.first?.0 })
            let loser = try #require(merchants.first { $0.0 != winner.0 })

            #expect(
                try await client.train("releaseOrder", loginKey: loser.1, userID: loser.0, ["id": id])["code"] == "0027"
            )
            let tooDear = try await client.train(
                "submitTicket", loginKey: winner.1, userID: winner.0,
                ["id": id, "ticketNo": "E123456789", "seatInfo": "K180 5车 12号", "ticketPrice": "100.01"])
            #expect(tooDear["code"] == "0013", "\(tooDear)")
            let submitted = try await client.train(
                "submitTicket", loginKey: winner.1, userID: winner.0,
                ["id": id, "ticketNo": "E123456789", "seatInfo": "K180 5车 12号", "ticketPrice": "95.5"])
            #expect(submitted["code"] == "0000", "\(submitted)")
            let seen = try await client.train(
                "getOrderDetails", loginKey: customer.loginKey, userID: customer.userID, ["id": id])
            #expect(seen["data"]?["orderStatus"] == "order_audit")
            let held = try await client.train(
                "getRobbedOrderList", loginKey: winner.1, userID: winner.0, ["pageNum": 1, "pageSize": 10])
            #expect(held["data"]?["total"] == 1)
            #expect(
                try await client.train("robOrder", loginKey: loser.1, userID: loser.0, ["id": id])["code"] == "0004")
        }
    }

    @Test func anOrderHeldPastTheBookingWindowWaitsForAMerchantAgain() async throws {
        let environment = MobileRechargeTests.environment.merging([
            "TRAIN_BOOKING_WINDOW_SECONDS": "1", "TRAIN_SWEEP_MS": "200",
        ]) { _, new in new }
        try await TestMesh.with(TrainOrderTests.services, extraEnvironment: environment) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let customer = try await client.trainLogin("window-customer")
            let id = try await Self.paidOrder(client, mesh, customer, amount: "50")
            let merchant = try await Self.merchant(client, mesh, "window-merchant")
            #expect(
                try await client.train("robOrder", loginKey: merchant.1, userID: merchant.0, ["id": id])["code"]
                    == "0000")
            #expect(
                try await client.train("releaseOrder", loginKey: merchant.1, userID: merchant.0, ["id": id])["code"]
                    == "0000")
            #expect(
                try await client.train("robOrder", loginKey: merchant.1, userID: merchant.0, ["id": id])["code"]
                    == "0000")
            var state: JSONValue? = nil
            for _ in 0..<100 {
                state = try await client.train(
                    "getOrderDetails", loginKey: customer.loginKey, userID: customer.userID, ["id": id])["data"]?[
                        "orderStatus"]
                if state == "wait_rob" { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(state == "wait_rob")
        }
    }

    @Test func aWholeOrderReachesSuccessAndTheMoneyBalances() async throws {
        try await TestMesh.with(TrainOrderTests.services, extraEnvironment: MobileRechargeTests.environment) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let admin = AdminClient(mesh: mesh)
            let customer = try await client.trainLogin("whole-customer")
            let merchant = try await Self.merchant(client, mesh, "whole-merchant")
            func asCustomer(_ name: String, _ data: JSONObject) async throws -> JSONValue {
                try await client.train(name, loginKey: customer.loginKey, userID: customer.userID, data)
            }
            func asMerchant(_ name: String, _ data: JSONObject) async throws -> JSONValue {
                try await client.train(name, loginKey: merchant.1, userID: merchant.0, data)
            }
            let ticket: JSONObject = ["ticketNo": "E000000001", "seatInfo": "K180 3车 8号", "ticketPrice": "95.5"]

            let id = try await Self.paidOrder(client, mesh, customer, amount: "100")
            #expect(try await asMerchant("robOrder", ["id": id])["code"] == "0000")
            var submission = ticket
            submission["id"] = id
            #expect(try await asMerchant("submitTicket", submission)["code"] == "0000")
            #expect(try await asCustomer("confirmeOrder", ["id": id])["code"] == "0010")
            let orderNo = try #require(
                try await asCustomer("getOrderDetails", ["id": id])["data"]?["orderNo"]?.stringValue)
            let found = try await admin.call("orders/train.orders.get", ["order_no": .string(orderNo)])
            let orderID = try #require(found["data"]?["id"])
            let tradeNo = try #require(found["data"]?["tradeNo"]?.stringValue)
            let sentBack = try await admin.call(
                "orders/train.tickets.reject", ["order_id": orderID, "reason": "座位与车次不符"])
            #expect(sentBack["data"]?["orderStatus"] == "robing", "\(sentBack)")
            #expect(try await asMerchant("submitTicket", submission)["code"] == "0000")
            let passed = try await admin.call("orders/train.tickets.pass", ["order_id": orderID])
            #expect(passed["data"]?["orderStatus"] == "wait_confirme", "\(passed)")
            #expect(try await asCustomer("returnAmount", ["id": id])["code"] == "9999")
            #expect(try await asCustomer("confirmeOrder", ["id": id])["code"] == "0000")
            #expect(try await asCustomer("getOrderDetails", ["id": id])["data"]?["orderStatus"] == "success")
            #expect(try await asCustomer("confirmeOrder", ["id": id])["code"] == "0010")

            let merchantAccount = try #require(Int64(merchant.0))
            #expect(try await MobileRechargeTests.waitForBalance(mesh, merchantAccount, 9_072) == 1)
            let refunds = try await PaymentRefundTests.waitForRefunds(admin, tradeNo) { $0.count == 1 }
            #expect(refunds.first?["refund_no"] == .string("difference-\(orderNo)") && refunds.first?["amount"] == 450)
            let commission = try await mesh.withDatabase { database in
                try await database.query("SELECT sum(amount)::bigint AS n FROM orders.platform_ledger")[0]
                    .decode("n", as: Int64.self)
            }
            #expect(commission == 478)
            #expect(9_072 + 478 + 450 == 10_000)
            let byMerchant = try await admin.call(
                "orders/train.orders.find", ["merchant_id": .string(merchant.0), "state": "success"])
            #expect(byMerchant["data"]?["total"] == 1, "\(byMerchant)")
            let byPassenger = try await admin.call("orders/train.orders.find", ["passenger": "11010519491231002x"])
            #expect(byPassenger["data"]?["total"] == 1)
            let badState = try await admin.call("orders/train.orders.find", ["state": "lost"])
            #expect(badState["error"] == "invalid_params")
            let info = try await client.train("getUserInfo", loginKey: merchant.1, userID: merchant.0)
            #expect(info["data"]?["amount"]?.serialized() == "90.72", "\(info)")

            let raced = try await Self.paidOrder(client, mesh, customer, amount: "30")
            #expect(try await asMerchant("robOrder", ["id": raced])["code"] == "0000")
            var racedTicket = ticket
            racedTicket["id"] = raced
            racedTicket["ticketPrice"] = "30"
            async let submitted = asMerchant("submitTicket", racedTicket)
            async let refund = asCustomer("returnAmount", ["id": raced])
            let outcomes = [try await submitted["code"], try await refund["code"]]
            #expect(outcomes.filter { $0 == "0000" }.count == 1, "\(outcomes)")

            let returned = try await Self.paidOrder(client, mesh, customer, amount: "45")
            #expect(try await asMerchant("robOrder", ["id": returned])["code"] == "0000")
            #expect(try await asCustomer("returnAmount", ["id": returned])["code"] == "0000")
            #expect(
                try await asMerchant(
                    "submitTicket", ["id": returned, "ticketNo": "E2", "seatInfo": "K1", "ticketPrice": "45"])["code"]
                    == "0027")
            let returnedNo = try #require(
                try await asCustomer("getOrderDetails", ["id": returned])["data"]?["orderNo"]?.stringValue)
            let returnedOrder = try await admin.call("orders/train.orders.get", ["order_no": .string(returnedNo)])
            let returnedID = try #require(returnedOrder["data"]?["id"])
            _ = try await admin.call("orders/train.refunds.review", ["order_id": returnedID])
            _ = try await admin.call("orders/train.refunds.approve", ["order_id": returnedID])
            var final: JSONValue? = nil
            for _ in 0..<100 {
                final = try await asCustomer("getOrderDetails", ["id": returned])["data"]?["orderStatus"]
                if final == "returned_amount" { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(final == "returned_amount")
            #expect(try await MobileRechargeTests.balance(mesh, merchantAccount).balance == 9_072)
        }
    }

    @Test func anAuditedOrderNobodyConfirmsIsConfirmedAndSettledByItself() async throws {
        let environment = MobileRechargeTests.environment.merging([
            "TRAIN_CONFIRM_WINDOW_SECONDS": "1", "TRAIN_SWEEP_MS": "200",
        ]) { _, new in new }
        try await TestMesh.with(TrainOrderTests.services, extraEnvironment: environment) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let customer = try await client.trainLogin("auto-customer")
            let merchant = try await Self.merchant(client, mesh, "auto-merchant")
            let id = try await Self.paidOrder(client, mesh, customer, amount: "20")
            #expect(
                try await client.train("robOrder", loginKey: merchant.1, userID: merchant.0, ["id": id])["code"]
                    == "0000")
            let submitted = try await client.train(
                "submitTicket", loginKey: merchant.1, userID: merchant.0,
                ["id": id, "ticketNo": "E000000002", "seatInfo": "G1 1车 1A", "ticketPrice": "20"])
            #expect(submitted["code"] == "0000")
            let detail = try await client.train(
                "getOrderDetails", loginKey: customer.loginKey, userID: customer.userID, ["id": id])
            let orderNo = try #require(detail["data"]?["orderNo"]?.stringValue)
            let found = try await AdminClient(mesh: mesh).call(
                "orders/train.orders.get", ["order_no": .string(orderNo)])
            _ = try await AdminClient(mesh: mesh).call(
                "orders/train.tickets.pass", ["order_id": try #require(found["data"]?["id"])])
            #expect(try await MobileRechargeTests.waitForBalance(mesh, try #require(Int64(merchant.0)), 1_900) == 1)
            let after = try await client.train(
                "getOrderDetails", loginKey: customer.loginKey, userID: customer.userID, ["id": id])
            #expect(after["data"]?["orderStatus"] == "success")
        }
    }
}
