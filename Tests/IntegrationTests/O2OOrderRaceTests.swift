import JSON
import Testing

/// O2O orders under races: 200 buyers at once for 20 vouchers (exactly 20 orders hold stock), a code
/// redeemed and refunded at the same moment (one wins, money moves once), and a payment that arrives
/// for an order closed by its timeout (refunded by itself, the stock back once).
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct O2OOrderRaceTests {
    @Test func twoHundredBuyersForTwentyVouchers() async throws {
        try await TestMesh.with(O2OShop.services, extraEnvironment: O2OShop.environment) { mesh in
            let shop = O2OShop(mesh: mesh)
            let (_, merchant) = try await shop.centre(app: MiniProgramAuthClient.o2oApp, name: "北京")
            let (goods, product) = try await shop.voucher(merchant: merchant, stock: 20)
            var tokens: [String] = []
            for index in 0..<4 {
                tokens.append(try await shop.buyer("o2o-rush-\(index)", mobile: "1360000010\(index)").token)
            }
            let answers = try await withThrowingTaskGroup(of: JSONValue.self) { group in
                for index in 0..<200 {
                    let token = tokens[index % tokens.count]
                    group.addTask {
                        try await shop.client.o2o(
                            "order/buy", token: token, ["goods_id": .integer(goods), "number": 1])
                    }
                }
                return try await group.reduce(into: [JSONValue]()) { $0.append($1) }
            }
            let won = answers.filter { $0["code"] == 0 }
            #expect(won.count == 20, "\(answers.filter { $0["code"] != 0 }.prefix(3))")
            #expect(
                answers.filter { $0["code"] == 500 && $0["message"]?.stringValue?.hasPrefix("库存不足") == true }.count
                    == 180)
            #expect(try await shop.stock(product) == 0)
            let holding = try await shop.client.scalar(
                """
                SELECT count(*) FILTER (WHERE reservation_id IS NOT NULL) = 20 AND count(*) = 20 AS ok FROM orders.o2o_orders
                """, "ok", as: Bool.self)
            #expect(holding)
            let trades = try await shop.client.scalar(
                "SELECT count(*) FILTER (WHERE state = 'created') = 20 AS ok FROM orders.trades", "ok", as: Bool.self)
            #expect(trades)
        }
    }

    @Test func aCodeRedeemedAndRefundedAtOnceMovesMoneyOnce() async throws {
        try await TestMesh.with(O2OShop.services, extraEnvironment: O2OShop.environment) { mesh in
            let shop = O2OShop(mesh: mesh)
            let client = shop.client
            let (_, merchant) = try await shop.centre(app: MiniProgramAuthClient.o2oApp, name: "北京")
            let (goods, product) = try await shop.voucher(merchant: merchant, price: 500, stock: 30)
            let (token, _) = try await shop.buyer("o2o-race-1", mobile: "13600000201")
            var outcomes: [(redeemed: Bool, refunded: Bool)] = []
            for _ in 0..<6 {
                let bought = try await client.o2o(
                    "order/buy", token: token, ["goods_id": .integer(goods), "number": 1])
                let orderNo = try #require(bought["data"]?["order_no"]?.stringValue, "\(bought)")
                try await shop.pay(orderNo)
                let paid = try await shop.detail(orderNo, token: token) { $0["data"]?["status"] == 4 }
                let code = try #require(paid["data"]?["items"]?[0]?["verify_code"]?.stringValue)
                async let redeem = client.admin("orders/o2o.codes.redeem", ["verify_code": .string(code)])
                async let refund = client.o2o("order/refund", token: token, ["order_no": .string(orderNo)])
                let (redeemed, refunded) = try await (redeem, refund)
                let outcome = (redeemed: redeemed["ok"] == true, refunded: refunded["code"] == 0)
                #expect(outcome.redeemed != outcome.refunded, "\(redeemed) \(refunded)")
                let final = try await shop.detail(orderNo, token: token)
                #expect(final["data"]?["status"] == (outcome.redeemed ? 7 : 6))
                outcomes.append(outcome)
            }
            let refundedCount = Int64(outcomes.filter(\.refunded).count)
            let money = try await client.scalar(
                """
                SELECT coalesce(sum(amount), 0) = \(refundedCount * 500) AND count(*) = \(refundedCount) AS ok
                  FROM orders.refunds
                """, "ok", as: Bool.self)
            #expect(money)
            try await shop.waitFor(
                "SELECT count(*) FILTER (WHERE stock_returned_at IS NULL) = 0 AS ok FROM orders.o2o_refunds",
                "refunded units back")
            #expect(try await shop.stock(product) == 30 - 6 + refundedCount)
        }
    }

    @Test func aPaymentForAnOrderClosedByItsTimeoutIsRefunded() async throws {
        try await TestMesh.with(O2OShop.services, extraEnvironment: O2OShop.environment) { mesh in
            let shop = O2OShop(mesh: mesh)
            let client = shop.client
            let (_, merchant) = try await shop.centre(app: MiniProgramAuthClient.o2oApp, name: "北京")
            let (goods, product) = try await shop.voucher(merchant: merchant, price: 1200, stock: 10)
            let (token, _) = try await shop.buyer("o2o-late-1", mobile: "13600000301")
            let bought = try await client.o2o("order/buy", token: token, ["goods_id": .integer(goods), "number": 2])
            let orderNo = try #require(bought["data"]?["order_no"]?.stringValue, "\(bought)")
            let tradeNo = try await shop.tradeNo(orderNo)
            try await client.execute(
                "UPDATE orders.trades SET state = 'closed', closed_at = now() WHERE trade_no = \(tradeNo)")
            let closed = try await shop.detail(orderNo, token: token) { $0["data"]?["status"] == 3 }
            #expect(closed["data"]?["status"] == 3)
            try await shop.waitFor(
                "SELECT stock_released_at IS NOT NULL AS ok FROM orders.o2o_orders WHERE order_no = \(orderNo)",
                "stock released")
            #expect(try await shop.stock(product) == 10)
            #expect(
                try await client.o2o("order/pay", token: token, ["order_no": .string(orderNo)])["message"]
                    == "订单已关闭，请重新下单")

            try await shop.pay(orderNo)
            let kept = try await PaymentRefundTests.waitForRefunds(AdminClient(mesh: mesh), tradeNo) {
                $0.first?["provider_refund_id"]?.stringValue != nil
            }
            #expect(kept.count == 1 && kept.first?["amount"] == 2400, "\(kept)")
            let after = try await shop.detail(orderNo, token: token)
            #expect(after["data"]?["status"] == 3 && after["data"]?["items"] == nil)
            #expect(try await shop.stock(product) == 10)
        }
    }
}
