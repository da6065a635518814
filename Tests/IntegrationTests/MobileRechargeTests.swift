import Crypto
import JSON
import Postgres
import Testing

/// The mobile mall's balance recharge end to end through the gateway: the pay password is checked, the
/// recharge trade is opened, WeChat Pay's parameters come from the simulated provider, "paying" in the
/// simulator sends the signed notification to the gateway's public path, and the balance is credited
/// exactly once.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct MobileRechargeTests {
    static let environment = MobileAuthTests.generousLimits.merging(
        ["SANDBOX_TIME_SCALE": "0.001", "PAYMENTS_SWEEP_MS": "200", "SANDBOX_REFUND_SETTLE_MS": "300"]
    ) { _, new in new }
    static let developmentKey = "developmentwechatpaykey000000000"

    static func balance(_ mesh: TestMesh, _ account: Int64) async throws -> (balance: Int64, credits: Int64) {
        try await mesh.withDatabase { database in
            let balance = try await database.query(
                "SELECT coalesce((SELECT balance FROM users.wallets WHERE account_id = \(account)), 0) AS b"
            )[0].decode("b", as: Int64.self)
            let credits = try await database.query(
                "SELECT count(*) AS n FROM users.wallet_ledger WHERE account_id = \(account) AND kind = 'credit'"
            )[0].decode("n", as: Int64.self)
            return (balance, credits)
        }
    }

    static func waitForBalance(_ mesh: TestMesh, _ account: Int64, _ expected: Int64) async throws -> Int64 {
        for _ in 0..<200 {
            let now = try await balance(mesh, account)
            if now.balance == expected { return now.credits }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await balance(mesh, account).credits
    }

    @Test func aRechargePaidWithWeChatPayCreditsTheBalanceOnce() async throws {
        try await TestMesh.with(["auth", "user", "orders", "gateway"], extraEnvironment: Self.environment) { mesh in
            let client = MobileClient(mesh: mesh)
            let member = try await MobileMember.make(mesh, mobile: "13700000001")

            #expect(
                try await client.call("/mobile/member/recharge", ["amount": "10"], token: member.token)["code"] == 222)
            let wrong = try await client.call(
                "/mobile/member/recharge", ["amount": "10", "paypwd": "wrong_pass1"], token: member.token)
            #expect(wrong["code"] == 221)
            for amount in ["0", "-1", "1.234", "50000.01", "ten"] {
                let refused = try await client.call(
                    "/mobile/member/recharge", ["amount": .string(amount), "paypwd": "pay_pass1"], token: member.token)
                #expect(refused["code"] == 300, "amount \(amount): \(refused)")
            }

            let created = try await client.call(
                "/mobile/member/recharge", ["amount": "12.34", "paypwd": "pay_pass1"], token: member.token)
            #expect(created["code"] == 308, "\(created)")
            #expect(created["msg"] == "交易创建成功")
            let data = try #require(created["data"])
            #expect(data["totalFee"]?.serialized() == "12.34")
            #expect(data["tradeType"] == 101)
            #expect(
                data["memberId"]?.stringValue == String(member.account) || data["memberId"] == .integer(member.account))
            let tradeNo = try #require(data["tradeNo"]?.stringValue)

            let parameters = try await client.call(
                "/weixin/pay/get_jsapi_package", ["orderNum": .string(tradeNo), "openid": "o-recharge-payer"],
                token: member.token)
            let package = try #require(parameters["package"]?.stringValue, "\(parameters)")
            #expect(package.hasPrefix("prepay_id=wx"))
            var signed: [String: String] = [:]
            for name in ["appId", "timeStamp", "nonceStr", "package", "signType"] {
                signed[name] = try #require(parameters[name]?.stringValue)
            }
            let text =
                signed.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
                .map { "\($0.key)=\($0.value)" }.joined(separator: "&") + "&key=\(Self.developmentKey)"
            #expect(parameters["paySign"]?.stringValue == Hex.encode(Digest.md5(text), uppercase: true))
            let again = try await client.call(
                "/weixin/pay/get_jsapi_package", ["orderNum": .string(tradeNo)], token: member.token)
            #expect(again["package"]?.stringValue == package)
            let foreign = try await client.call(
                "/weixin/pay/get_jsapi_package", ["orderNum": "20260101000000000000"], token: member.token)
            #expect(foreign["code"] == "300")

            let paid = try await AdminClient(mesh: mesh).call(
                "orders/sandbox.wechat.pay", ["trade_no": .string(tradeNo)])
            #expect(paid["ok"] == true, "\(paid)")
            #expect(try await Self.waitForBalance(mesh, member.account, 1234) == 1)
            let twice = try await AdminClient(mesh: mesh).call(
                "orders/sandbox.wechat.pay", ["trade_no": .string(tradeNo)])
            #expect(twice["error"] == "invalid_state")
            let paidAgain = try await client.call(
                "/weixin/pay/get_jsapi_package", ["orderNum": .string(tradeNo)], token: member.token)
            #expect(paidAgain["code"] == "300")
            try await Task.sleep(for: .milliseconds(500))
            #expect(try await Self.balance(mesh, member.account) == (1234, 1))
        }
    }

    @Test func fiveWrongPayPasswordsLockTheRecharge() async throws {
        try await TestMesh.with(["auth", "user", "orders", "gateway"], extraEnvironment: Self.environment) { mesh in
            let client = MobileClient(mesh: mesh)
            let member = try await MobileMember.make(mesh, mobile: "13700000004")
            for attempt in 1...5 {
                let wrong = try await client.call(
                    "/mobile/member/recharge", ["amount": "1", "paypwd": "wrong_pass1"], token: member.token)
                #expect(wrong["code"] == (attempt < 5 ? 221 : 300), "attempt \(attempt): \(wrong)")
            }
            let locked = try await client.call(
                "/mobile/member/recharge", ["amount": "1", "paypwd": "pay_pass1"], token: member.token)
            #expect(locked["code"] == 300, "\(locked)")
            let trades = try await mesh.withDatabase { database in
                try await database.query("SELECT count(*) AS n FROM orders.trades")[0].decode("n", as: Int64.self)
            }
            #expect(trades == 0)
        }
    }
}
