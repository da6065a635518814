import JSON
import Postgres
import Testing

/// Refunds, late payments and reconciliation end to end, with the simulated WeChat Pay: a refund never
/// exceeds what was paid (also when asked concurrently), takes a recharge back from the balance first and
/// gives it back once when WeChat Pay cannot make it; a payment for a closed trade is refunded by itself;
/// a payment whose notification was lost is found and applied by reconciliation.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct PaymentRefundTests {
    static let environment = MobileRechargeTests.environment.merging(["SANDBOX_REFUND_SETTLE_MS": "600000"]) {
        _, new in new
    }

    /// A trade of `member` for `amount` yuan with its WeChat Pay order placed.
    static func preparedRecharge(
        _ client: MobileClient, _ member: MobileMember, amount: String
    ) async throws -> String {
        let created = try await client.call(
            "/mobile/member/recharge", ["amount": .string(amount), "paypwd": "pay_pass1"], token: member.token)
        let tradeNo = try #require(created["data"]?["tradeNo"]?.stringValue, "\(created)")
        let parameters = try await client.call(
            "/weixin/pay/get_jsapi_package", ["orderNum": .string(tradeNo), "openid": "o-refund-payer"],
            token: member.token)
        #expect(parameters["paySign"] != nil, "\(parameters)")
        return tradeNo
    }

    static func refunds(_ admin: AdminClient, _ tradeNo: String) async throws -> [JSONValue] {
        let trade = try await admin.call("orders/payments.trade", ["trade_no": .string(tradeNo)])
        guard case .array(let refunds)? = trade["data"]?["refunds"] else { return [] }
        return refunds
    }

    /// Waits until `condition` holds of the trade's refunds.
    static func waitForRefunds(
        _ admin: AdminClient, _ tradeNo: String, _ condition: ([JSONValue]) -> Bool
    ) async throws -> [JSONValue] {
        for _ in 0..<200 {
            let now = try await refunds(admin, tradeNo)
            if condition(now) { return now }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await refunds(admin, tradeNo)
    }

    @Test func refundsNeverExceedThePaymentAndAFailedOneGivesTheBalanceBackOnce() async throws {
        try await TestMesh.with(["auth", "user", "orders", "gateway"], extraEnvironment: Self.environment) { mesh in
            let client = MobileClient(mesh: mesh)
            let admin = AdminClient(mesh: mesh)
            let member = try await MobileMember.make(mesh, mobile: "13700000002")
            let tradeNo = try await Self.preparedRecharge(client, member, amount: "12.34")
            let unpaid = try await Self.preparedRecharge(client, member, amount: "1")
            #expect(try await admin.call("orders/sandbox.wechat.pay", ["trade_no": .string(tradeNo)])["ok"] == true)
            #expect(try await MobileRechargeTests.waitForBalance(mesh, member.account, 1234) == 1)

            let notPaid = try await admin.call(
                "orders/payments.refund", ["trade_no": .string(unpaid), "refund_no": "U-1", "amount": 100])
            #expect(notPaid["error"] == "invalid_state")
            let first = try await admin.call(
                "orders/payments.refund", ["trade_no": .string(tradeNo), "refund_no": "R-1", "amount": 500])
            #expect(first["data"]?["state"] == "pending", "\(first)")
            let repeated = try await admin.call(
                "orders/payments.refund", ["trade_no": .string(tradeNo), "refund_no": "R-1", "amount": 500])
            #expect(repeated["data"]?["refund_no"] == "R-1")
            let reused = try await admin.call(
                "orders/payments.refund", ["trade_no": .string(tradeNo), "refund_no": "R-1", "amount": 600])
            #expect(reused["error"] == "invalid_state")
            let tooMuch = try await admin.call(
                "orders/payments.refund", ["trade_no": .string(tradeNo), "refund_no": "R-2", "amount": 735])
            #expect(tooMuch["error"] == "invalid_state")

            let sent = try await Self.waitForRefunds(admin, tradeNo) {
                $0.first?["provider_refund_id"]?.stringValue != nil
            }
            #expect(sent.first?["provider_refund_id"]?.stringValue?.hasPrefix("5030") == true, "\(sent)")
            #expect(try await MobileRechargeTests.balance(mesh, member.account).balance == 734)
            #expect(
                try await admin.call("orders/sandbox.wechat.refund", ["refund_no": "R-1", "outcome": "succeed"])["ok"]
                    == true)
            let settled = try await Self.waitForRefunds(admin, tradeNo) { $0.first?["state"] == "succeeded" }
            #expect(settled.first?["state"] == "succeeded")

            let second = try await admin.call(
                "orders/payments.refund", ["trade_no": .string(tradeNo), "refund_no": "R-2", "amount": 734])
            #expect(second["ok"] == true, "\(second)")
            _ = try await Self.waitForRefunds(admin, tradeNo) {
                $0.count == 2 && $0[1]["provider_refund_id"]?.stringValue != nil
            }
            #expect(try await MobileRechargeTests.balance(mesh, member.account).balance == 0)
            #expect(
                try await admin.call("orders/sandbox.wechat.refund", ["refund_no": "R-2", "outcome": "fail"])["ok"]
                    == true)
            _ = try await Self.waitForRefunds(admin, tradeNo) { $0.count == 2 && $0[1]["state"] == "failed" }
            #expect(try await MobileRechargeTests.waitForBalance(mesh, member.account, 734) == 2)

            let answers = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        let reply = try await admin.call(
                            "orders/payments.refund",
                            ["trade_no": .string(tradeNo), "refund_no": .string("C-\(index)"), "amount": 100])
                        return reply["ok"] == true
                    }
                }
                var accepted = 0
                for try await ok in group where ok { accepted += 1 }
                return accepted
            }
            #expect(answers == 7)
            let held = try await mesh.withDatabase { database in
                try await database.query(
                    "SELECT sum(amount)::bigint AS held FROM orders.refunds WHERE state <> 'failed'"
                )[0].decode("held", as: Int64.self)
            }
            #expect(held == 500 + 700)
        }
    }

    @Test func aLatePaymentIsRefundedAndAMissedOneIsReconciled() async throws {
        try await TestMesh.with(["auth", "user", "orders", "gateway"], extraEnvironment: Self.environment) { mesh in
            let client = MobileClient(mesh: mesh)
            let admin = AdminClient(mesh: mesh)
            let member = try await MobileMember.make(mesh, mobile: "13700000003")

            let late = try await Self.preparedRecharge(client, member, amount: "1")
            _ = try await mesh.withDatabase { database in
                try await database.execute(
                    "UPDATE orders.trades SET state = 'closed', closed_at = now() WHERE trade_no = \(late)")
            }
            #expect(try await admin.call("orders/sandbox.wechat.pay", ["trade_no": .string(late)])["ok"] == true)
            let kept = try await Self.waitForRefunds(admin, late) {
                $0.first?["provider_refund_id"]?.stringValue != nil
            }
            let refundNo = try #require(kept.first?["refund_no"]?.stringValue, "\(kept)")
            #expect(refundNo.hasPrefix("auto-"))
            #expect(kept.first?["amount"] == 100)
            _ = try await admin.call("orders/sandbox.wechat.refund", ["refund_no": .string(refundNo)])
            let refunded = try await Self.waitForRefunds(admin, late) { $0.first?["state"] == "succeeded" }
            #expect(refunded.first?["state"] == "succeeded")
            #expect(try await MobileRechargeTests.balance(mesh, member.account) == (0, 0))

            let missed = try await Self.preparedRecharge(client, member, amount: "2.5")
            _ = try await mesh.withDatabase { database in
                try await database.execute(
                    """
                    UPDATE orders.sandbox_wechat_orders SET state = 'SUCCESS', transaction_id = '4200000000000000000000000001',
                           paid_at = now()
                     WHERE out_trade_no = \(missed)
                    """)
            }
            let report = try await admin.call("orders/payments.reconcile", [:])
            guard case .array(let differences)? = report["data"]?["differences"] else {
                Issue.record("no differences: \(report)")
                return
            }
            #expect(differences.map { $0["trade_no"]?.stringValue } == [missed])
            #expect(differences.first?["provider"] == "SUCCESS")
            let applied = try await admin.call("orders/payments.reapply", ["trade_no": .string(missed)])
            #expect(applied["data"]?["outcome"] == "paid", "\(applied)")
            #expect(try await MobileRechargeTests.waitForBalance(mesh, member.account, 250) == 1)
            let again = try await admin.call("orders/payments.reapply", ["trade_no": .string(missed)])
            #expect(again["data"]?["outcome"] == "already_applied")
            let clean = try await admin.call("orders/payments.reconcile", [:])
            #expect(clean["data"]?["differences"] == [])
        }
    }
}
