import Crypto
import HTTPCore
import Postgres
import Testing

/// WeChat Pay's payment notifications through the gateway's public path to the orders service: a
/// genuine one pays its trade once, however often and however concurrently it comes; forged ones are
/// answered FAIL and change nothing.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct WeChatPayNotifyTests {
    /// The development merchant of the orders service.
    static let key = "developmentwechatpaykey000000000"

    /// A notification for `tradeNo` as WeChat Pay signs it (MD5), with `changes` over the fields.
    static func notification(
        tradeNo: String, fee: String = "990", transaction: String = "4200000001", changes: [String: String] = [:],
        key: String = key
    ) -> [UInt8] {
        var fields = [
            "appid": "wxdevo2o", "mch_id": "1900000109", "nonce_str": SecureRandom.token(bytes: 8),
            "result_code": "SUCCESS", "return_code": "SUCCESS", "openid": "o-test", "out_trade_no": tradeNo,
            "transaction_id": transaction, "total_fee": fee, "trade_type": "JSAPI",
        ]
        for (name, value) in changes { fields[name] = value }
        let text =
            fields.filter { !$0.value.isEmpty }.sorted {
                Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8))
            }
            .map { "\($0.key)=\($0.value)" }.joined(separator: "&") + "&key=\(key)"
        fields["sign"] = Hex.encode(Digest.md5(text), uppercase: true)
        let body = fields.map { "<\($0.key)><![CDATA[\($0.value)]]></\($0.key)>" }.joined()
        return Array("<xml>\(body)</xml>".utf8)
    }

    static func post(_ mesh: TestMesh, _ body: [UInt8]) async throws -> String {
        let request = HTTPRequest(
            method: .post, target: "/pay/wechat/notify", headers: ["Content-Type": "text/xml"], body: body)
        let response = try await mesh.send(request, to: "gateway")
        #expect(response.status == .ok)
        return String(decoding: response.body, as: UTF8.self)
    }

    @Test func aGenuineNotificationPaysItsTradeOnce() async throws {
        try await TestMesh.with(["orders", "gateway"]) { mesh in
            let tradeNo = "20261203120000654321"
            _ = try await mesh.withDatabase { database in
                try await database.execute(
                    """
                    INSERT INTO orders.trades (trade_no, business, business_ref, account_id, amount, provider, expires_at)
                    VALUES (\(tradeNo), 'recharge', 'R-9', 7, 990, 'wechat', now() + interval '30 minutes')
                    """)
            }
            let forged: [[UInt8]] = [
                Self.notification(tradeNo: tradeNo, key: "ffffffffffffffffffffffffffffffff"),
                Self.notification(tradeNo: tradeNo, fee: "989"),
                Self.notification(tradeNo: tradeNo, changes: ["mch_id": "1900000110"]),
                Self.notification(tradeNo: "20261203120000000000"),
                Array("<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><a>&x;</a></xml>".utf8),
            ]
            for body in forged {
                #expect(try await Self.post(mesh, body).contains("<return_code><![CDATA[FAIL]]></return_code>"))
            }
            let oversize = HTTPRequest(
                method: .post, target: "/pay/wechat/notify", headers: ["Content-Type": "text/xml"],
                body: Self.notification(tradeNo: tradeNo, changes: ["attach": String(repeating: "a", count: 70 * 1024)])
            )
            #expect(try await mesh.send(oversize, to: "gateway").status.code == 413)
            let answers = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<50 { group.addTask { try await Self.post(mesh, Self.notification(tradeNo: tradeNo)) } }
                var all: [String] = []
                for try await answer in group { all.append(answer) }
                return all
            }
            #expect(answers.allSatisfy { $0.contains("<return_code><![CDATA[SUCCESS]]></return_code>") })
            let (state, payments) = try await mesh.withDatabase { database in
                let trade = try await database.query(
                    "SELECT state FROM orders.trades WHERE trade_no = \(tradeNo)")[0].decode("state", as: String.self)
                let count = try await database.query("SELECT count(*) AS n FROM orders.trade_payments")[0]
                    .decode("n", as: Int64.self)
                return (trade, count)
            }
            #expect(state == "paid")
            #expect(payments == 1)
        }
    }
}
