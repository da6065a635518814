import Crypto
import JSON
import Testing

/// O2O voucher orders through the gateway in the O2O dialect: a buyer orders in its own centre's
/// mini-program and pays in the WeChat Pay simulator, gets one code per unit and a text message, a
/// merchant's staff redeems one, the buyer refunds the rest (stock and money come back once); bad input
/// and another buyer's order numbers are refused in the dialect.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct O2OOrderTests {
    @Test func buyPayRedeemAndRefundTheRest() async throws {
        try await TestMesh.with(O2OShop.services, extraEnvironment: O2OShop.environment) { mesh in
            let shop = O2OShop(mesh: mesh)
            let client = shop.client
            let (_, merchant) = try await shop.centre(app: MiniProgramAuthClient.o2oApp, name: "北京")
            let (goods, product) = try await shop.voucher(merchant: merchant, price: 8800, stock: 50)
            let (token, account) = try await shop.buyer("o2o-buyer-1", mobile: "13600000001")
            let (otherToken, _) = try await shop.buyer("o2o-buyer-2", mobile: "13600000002")
            let (staffToken, staff) = try await shop.buyer("o2o-staff-1", mobile: "13600000003")

            let bought = try await client.o2o(
                "order/buy", token: token,
                ["goods_id": .integer(goods), "number": 3, "notify_mobile": "13600000009"])
            #expect(bought["code"] == 0, "\(bought)")
            let orderNo = try #require(bought["data"]?["order_no"]?.stringValue)
            #expect(orderNo.count == 21 && orderNo.hasPrefix("0"))
            #expect(bought["data"]?["isOperSelf"] == 1)
            let config = try #require(bought["data"]?["sdk_config"])
            #expect(config["appId"] == "wxdevo2o" && config["signType"] == "MD5")
            let signed: [String: String] = [
                "appId": "wxdevo2o", "timeStamp": try #require(config["timestamp"]?.stringValue),
                "nonceStr": try #require(config["nonceStr"]?.stringValue),
                "package": try #require(config["package"]?.stringValue), "signType": "MD5",
            ]
            let text =
                signed.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
                .map { "\($0.key)=\($0.value)" }.joined(separator: "&") + "&key=\(MobileRechargeTests.developmentKey)"
            #expect(config["paySign"]?.stringValue == Hex.encode(Digest.md5(text), uppercase: true))
            #expect(try await shop.stock(product) == 47)

            let unpaid = try await client.o2o("orders", token: token, ["status": 1])
            #expect(unpaid["data"]?["total"] == 1, "\(unpaid)")
            let listed = try #require(unpaid["data"]?["list"]?[0])
            #expect(listed["order_no"] == .string(orderNo) && listed["status"] == 1 && listed["items"] == nil)
            #expect(listed["price"]?.serialized() == "88.00" && listed["pay_price"]?.serialized() == "264.00")
            #expect(listed["buy_number"] == 3 && listed["user_id"] == .integer(account) && listed["isOperSelf"] == 1)
            #expect(listed["pay_time"] == .null && listed["notify_mobile"] == "13600000009")
            #expect(try await client.o2o("orders", token: token, ["status": 4])["data"]?["total"] == 0)

            for name in ["order/detail", "order/refund", "order/pay"] {
                let foreign = try await client.o2o(name, token: otherToken, ["order_no": .string(orderNo)])
                #expect(foreign["code"] == 500 && foreign["message"] == "订单不存在", "\(name): \(foreign)")
            }
            #expect(try await client.o2o("order/refund", token: token, ["order_no": .string(orderNo)])["code"] == 500)

            try await shop.pay(orderNo)
            let paid = try await shop.detail(orderNo, token: token) { $0["data"]?["status"] == 4 }
            guard case .array(let items)? = paid["data"]?["items"] else {
                Issue.record("no items: \(paid)")
                return
            }
            #expect(items.count == 3)
            let codes = items.compactMap { $0["verify_code"]?.stringValue }
            #expect(Set(codes).count == 3 && codes.allSatisfy { $0.count == 12 && $0.allSatisfy(\.isNumber) })
            #expect(items.allSatisfy { $0["status"] == 1 })
            #expect(paid["data"]?["pay_time"]?.stringValue?.count == 19)
            try await shop.waitFor(
                "SELECT stock_committed_at IS NOT NULL AND codes_sent_at IS NOT NULL AS ok FROM orders.o2o_orders WHERE order_no = \(orderNo)",
                "stock committed and codes sent")
            let outbox = try await client.admin("auth/sms.outbox", ["mobile": "13600000009"])
            let message = try #require(outbox["data"]?["messages"]?[0]?["text"]?.stringValue)
            #expect(codes.allSatisfy { message.contains($0) }, "\(message)")
            #expect(try await client.o2o("order/pay", token: token, ["order_no": .string(orderNo)])["code"] == 500)

            let notStaff = try await client.o2o(
                "merchant/verify", token: staffToken, ["verify_code": .string(codes[0])])
            #expect(notStaff["code"] == 500, "\(notStaff)")
            let linked = try await client.admin(
                "merchants/merchants.staff.add", ["merchant_id": .integer(merchant), "account_id": .integer(staff)])
            #expect(linked["data"]?["account_ids"] == [.integer(staff)], "\(linked)")
            let redeemed = try await client.o2o(
                "merchant/verify", token: staffToken, ["verify_code": .string(codes[0])])
            #expect(redeemed["code"] == 0, "\(redeemed)")
            #expect(redeemed["data"]?["items"]?[0]?["status"] == 2 && redeemed["data"]?["status"] == 4)
            let again = try await client.o2o("merchant/verify", token: staffToken, ["verify_code": .string(codes[0])])
            #expect(again["code"] == 500 && again["message"] == "核销码已使用", "\(again)")
            for bad: JSONValue in ["12345", "abcdefghijkl", "' OR '1'='1"] {
                #expect(
                    try await client.o2o("merchant/verify", token: staffToken, ["verify_code": bad])["code"] == 10001)
            }
            #expect(
                try await client.o2o("merchant/verify", token: staffToken, ["verify_code": "000000000000"])["code"]
                    == 500)

            let refund = try await client.o2o("order/refund", token: token, ["order_no": .string(orderNo)])
            #expect(refund["code"] == 0, "\(refund)")
            #expect(refund["data"]?["amount"] == "176.00" && refund["data"]?["order_no"] == .string(orderNo))
            #expect(refund["data"]?["status"] == 2 && refund["data"]?["refund_id"]?.stringValue?.isEmpty == false)
            #expect(refund["data"]?["created_at"]?.stringValue?.count == 19)
            let refunded = try await shop.detail(orderNo, token: token)
            #expect(refunded["data"]?["status"] == 6 && refunded["data"]?["refund_price"]?.serialized() == "176.00")
            #expect(refunded["data"]?["items"]?[1]?["status"] == 3 && refunded["data"]?["items"]?[2]?["status"] == 3)
            let twice = try await client.o2o("order/refund", token: token, ["order_no": .string(orderNo)])
            #expect(twice["code"] == 500 && twice["message"] == "订单没有可退款的核销码")
            let late = try await client.o2o("merchant/verify", token: staffToken, ["verify_code": .string(codes[1])])
            #expect(late["message"] == "核销码已退款", "\(late)")
            try await shop.waitFor(
                "SELECT stock_returned_at IS NOT NULL AS ok FROM orders.o2o_refunds WHERE refund_no = \("o2o-\(orderNo)-1")",
                "refunded units back in stock")
            #expect(try await shop.stock(product) == 49)
            let money = try await client.scalar(
                """
                SELECT (SELECT sum(amount) FROM orders.refunds WHERE refund_no LIKE 'o2o-%') = 17600
                       AND (SELECT count(*) FROM orders.trade_payments) = 1 AS ok
                """, "ok", as: Bool.self)
            #expect(money)
            client.expectNoSecretsInLogs(codes)
        }
    }

    @Test func aCompletedOrderTakesNoRefundAndBadInputIsRefused() async throws {
        try await TestMesh.with(O2OShop.services, extraEnvironment: O2OShop.environment) { mesh in
            let shop = O2OShop(mesh: mesh)
            let client = shop.client
            let (_, merchant) = try await shop.centre(app: MiniProgramAuthClient.o2oApp, name: "北京")
            let (goods, product) = try await shop.voucher(merchant: merchant, stock: 5, limit: 3)
            let (withdrawn, _) = try await shop.voucher(merchant: merchant)
            try await client.execute("UPDATE merchants.goods SET status = 2 WHERE id = \(withdrawn)")
            let (expired, _) = try await shop.voucher(
                merchant: merchant, from: "current_date - 10", until: "current_date - 1")
            let (token, _) = try await shop.buyer("o2o-bad-1", mobile: "13600000011")
            func buy(_ parameters: JSONObject) async throws -> JSONValue {
                try await client.o2o("order/buy", token: token, parameters)
            }
            for number: JSONValue in [0, -1, "x", .number(JSONNumber(text: "1.5")!), 10_001] {
                #expect(try await buy(["goods_id": .integer(goods), "number": number])["code"] == 10001, "\(number)")
            }
            #expect(try await buy(["goods_id": .integer(goods)])["code"] == 10001)
            #expect(
                try await buy(["goods_id": .integer(goods), "number": 1, "notify_mobile": "12345"])["code"] == 10001)
            let overLimit = try await buy(["goods_id": .integer(goods), "number": 4])
            #expect(overLimit["code"] == 10001 && overLimit["message"]?.stringValue?.contains("限购") == true)
            let overStock = try await buy(["goods_id": .integer(goods), "number": 6])
            #expect(overStock["code"] == 500, "\(overStock)")
            #expect(try await buy(["goods_id": .integer(withdrawn), "number": 1])["message"] == "商品已下架或不在有效期内")
            #expect(try await buy(["goods_id": .integer(expired), "number": 1])["message"] == "商品已下架或不在有效期内")
            #expect(try await buy(["goods_id": 999_999, "number": 1])["message"] == "商品不存在")
            #expect(try await client.o2o("order/buy", ["goods_id": .integer(goods), "number": 1])["code"] == 10007)
            let (guest, _) = try await client.wxLogin("o2o-guest")
            #expect(
                try await client.o2o("order/buy", token: guest, ["goods_id": .integer(goods), "number": 1])["code"]
                    == 10003)
            #expect(try await shop.stock(product) == 5)
            #expect(try await client.scalar("SELECT count(*) = 0 AS ok FROM orders.o2o_orders", "ok", as: Bool.self))

            let first = try await buy(["goods_id": .integer(goods), "number": 2])
            let orderNo = try #require(first["data"]?["order_no"]?.stringValue, "\(first)")
            let second = try await buy(["goods_id": .integer(goods), "number": 2])
            #expect(second["message"]?.stringValue?.contains("限购") == true, "\(second)")
            try await shop.pay(orderNo)
            let paid = try await shop.detail(orderNo, token: token) { $0["data"]?["status"] == 4 }
            let codes = (0..<2).compactMap { paid["data"]?["items"]?[$0]?["verify_code"]?.stringValue }
            for code in codes {
                let done = try await client.admin("orders/o2o.codes.redeem", ["verify_code": .string(code)])
                #expect(done["ok"] == true, "\(done)")
            }
            let completed = try await shop.detail(orderNo, token: token)
            #expect(completed["data"]?["status"] == 7)
            let refused = try await client.o2o("order/refund", token: token, ["order_no": .string(orderNo)])
            #expect(refused["code"] == 500 && refused["message"] == "订单已完成，不可退款")
            #expect(try await client.o2o("order/detail", token: token, ["order_no": "' OR 1=1 --"])["code"] == 500)
            #expect(try await client.o2o("orders", token: token, ["status": 5])["code"] == 10001)
        }
    }
}
