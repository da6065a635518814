import Crypto
import Foundation
import HTTPCore
import JSON
import Postgres
import Testing

/// The mobile mall's balance recharge paid with Alipay, end to end through the gateway with the real
/// executables: `member/recharge` opens the trade, `alipay/bankspay` answers 302 to the simulator's
/// gateway with a request signed by the app's key, the cashier page shows the trade, paying there (or
/// the admin action) has the courier deliver Alipay's signed notification through `/pay/alipay/notify`,
/// and the balance is credited exactly once, however often the notification comes; forged notifications
/// change nothing.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct AlipayRechargeTests {
    /// The development app's public key (`AlipayDevelopmentKeys.appPublicKey` of the orders service): the
    /// simulator checks our requests with it, and so does this test.
    static let appPublicKey = try! RSAPublicKey(
        text:
            "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAr3Q95gkOGkKB8iQbJaBQ4mPC0w5+t3wpiiRC+Z+aIYN4fsztsHPpKHum"
            + "GtIWwEcgInFOeFFUJUezWgulCJXYRY1h5UZz2kYBVuQjDySuVL27FymphmTTMd18ZLvqhQpil3uQ5W1QlieX+FB2/xrIorCvDUKf"
            + "zBdi2jyXRNK7HsQl5B4ZQRYM3wzeEY0turUKmr7cAwgWTnMOV9LDkaHndxyLhxyfgl6cdQIRqGQBX7+6c4u1l2+/wsWyVD3Lmvdl"
            + "qkqOsndOiMdxYrOtrmbX5kdNubIkqUnOx92/PIuLGnvgY1qcE+lL5pgyApxIWLQ9Rj78/p6YT1uYfj3yDYqt4wIDAQAB")
    /// The simulated Alipay's private key (`AlipayDevelopmentKeys.alipayPrivateKey`, public in the
    /// repository and refused in production), to sign notifications the way the simulator does.
    static let alipayKey = try! RSAPrivateKey(
        text:
            "MIIEpAIBAAKCAQEAwteNuo8KnifS6VcTYr6Vs55r8gAvqr4taVcBv48dB8sChm/lQQpTvr+iidLA/Y0ZLQdXH7KxmNY2tdqgDMwU"
            + "pVmcTmfpTl7w1NqBC/3ZYAUlS/ZjlDICIR82DYmoS9Gyj0ZowFcpuQut81fOwup/WrwEGpzqrvEEflrg6AlNQQFnR5WNUf/pzAF7"
            + "i/AQmfzAaezWHmZDQqwyO1aROhXcR3HwyL8prSjrDMGsV1ClWlSYoLzeFvHTdpdY4F84bi9KKKyIVdOAlK2o/63iqei0qhbPOfCY"
            + "B8jvN9x3VKZFgi4PMX+fUHQxPGsO7wO2BL+nh8syjUSAt5ai4U1+IOO1LwIDAQABAoIBABFKf9FmkFKoxhbfG2FP+IkQLhQz4AcP"
            + "CYinqAgP80uVwIudsoKrH/N1nj8M7QOTWgCc/iZZ/VjK6eAJntqD4fEqmqx6nEHQOx8opPsjc/8Jdd3f58ZnCblWw70/0ieoXGhK"
            + "n1Eyawl49974k+jIVrT+qn6SHmGYEgYEmqD88lYqWbrCrjdUwoBw6w9fLhDhPf8bh9Rclaggizj+y7DR7HZBa7/7zQg6+X+yiEcG"
            + "My0wMZH1Vq58TuHNryTcynIUyO+Ln6tzcaLIYOSmID0jBQsPly8oEqXW5YroJbJXvMCNwbnlmJ6TwWIUl5oK3OFFLTCKPHvDtEsM"
            + "F0iD8db2f4ECgYEA/wMvc2E1G1KiJCR23yZllL8nD9fHIGFjo71+6fFBLdZqd5BTFKLC2c+qzOAaBgsMIlsep8c90880nmUj0RDt"
            + "Jk3w9TYskiZ13kchbl6CwBEApSrNezjHuv2yAmpASSoGB3riLJvRVcpupq01A1MsakXo4cL0PeOpbI25OH2B9gcCgYEAw5i3Zp3p"
            + "AlxY2VQB7uVcD9VQNY3o/sFRkIlfuOhznNO4J9DqRt2teVojjP+ONNESSc7/X1erqdEWoE+/IbEZgxdzbBPlCOsi2rKbB1eUV0eK"
            + "ROBWF55XrfxK04eP7eTmFMHpv/2v40mUdEombSRHmUOrg5XWa7roiCulbD6oPZkCgYEA+8llXIKqMOQR+6WVSRdcTNW/98CRd8Mw"
            + "4kcDvHDcbim6zXrOzR03Tl/gwJC0oSrfPDzDs9zhivSXe51ZE9+mh5+FPlfTAiq/TkzlEVh3uLQQ8wOkBvo1GsfKrt/BwXugoFoQ"
            + "XwMqWY6aWi/CnBnPTM7h9abMCR9z9R6ptsEVRJkCgYA3O0Z+mZSUcBM+uzQYi3elmOyfUsU6OsiXcdMv2aPb4wUbaSjeffZgUA29"
            + "4OP9EhSB9wuxloYI29vxxNMJ5oJ3vAWBvVRtYkhjTQ/t0NM4miD3NgnZfYLwxE800BDackpuDhu9dRtXqQ1ckRusshPtuWgTLhpw"
            + "LUVAPmLl4AON8QKBgQCawSkk6u77zzlTtxrnLzN+oEgRO7oj81qFsnVrAVJeB+wa7G5Zc2k9VrkZl8wBYgU8ghXj8KMfGU721ZC8"
            + "pokzkte+XTaYTZIjj5rAFY0f1wUu2nKuRdp95gho2/pak3bMPPSkcdHASWpmjx3QSovWKlbFh9UVsxEFtlvYneh52w==")
    static let appID = "9021000000000001"
    /// A key of nobody's (made for the tests with `openssl genpkey`), to sign a forgery with.
    static let otherKey =
        "MIIEpAIBAAKCAQEAlmBPat8Q2I5OpJsl84tjngvAkkUmtEZEYMd047AEH06vNVOlaCqdBeB2lVjyBhY0ylLQCy6OShyIcbNB/q+4"
        + "5zFzIiglCFq8SB8NB18LP79t1l38HevyljKrWXe+cIDtCMDQID1Ivdmue0w1esnEWH6fuITqNDH4p3S/+1rypgPYNy9e9RBgQIB/"
        + "xlNKvK5zEJ/PwcvPgDEFenAbN+i8kXYb6DaiqoPrc0S2Lv3OmFUhw8fWqi5sniqlzNOd8FCadpnvRAVnU5BQ1J2A/vIPGgKb8w7K"
        + "UskoJWcBj2BUsa/fPgKnGNxD65VRyC9cMg8L/cXIF23znBqI8K7Yo0eLXQIDAQABAoIBADFR1CpKj/VesydkpU1b5afD1fyDRp7w"
        + "vuN493rn02pLPcbBMOpZs5dmV65C9loNtXG4OHi6Y7ul4RBdiSMVkhDtlIPa4856J++Fk5nbz84wJD+fIp3TsYQWiUF2NxUiC9wH"
        + "lRtFzlJKD2JsC8xCWa3mlc8IdOH6k8GkVoUDfrr43eOWkzeXFK60cUeS5UDJ8KIk9T0UibxXNS9oAKTAcvwkz49LYT7af1vXIVQ8"
        + "nhnJwq/lh0Lk8tdAo/ttP6KvyoXHPKSNzbW/VXjR5a/FanMys611d9tYxeFDOyLwlh4gDHjWDmQS1j863e48IUficYboD+a1HPhg"
        + "f/PrYZHWQBcCgYEA0Ir8+5B6jk0iCIGIlTKlJdznLM1Dl0FkSHAb5Rg/vsBWyoS08ZV2+x2cgfgB6heCCrR1up+wAt3iee9Oia2q"
        + "IermjBhHLS6z+KOX2agHlRrbqBLMXF8wGbDjKqr6FgAtz5Bc7Oqf+X0oRPkDGXVrv5DL/jxRXjFoB8tDnxL/I2cCgYEAuJi5cDZL"
        + "GvSo5dRLKrCg4yd4fxsHKK+yD0cXdrh5/eAVcSzgRMyqG14QzsRMCX2tD8lysYfTkSQftc/2pwKusr5C+0UzjjpnyldeMtuD088O"
        + "w84kgfyF3FruUnr/vZeYh0Gd/rWXGEuZhq7uhl+r6RkOgJgZiFb2dYpylduUhJsCgYBro8HOixVnC9MMNufrspdhgrLkAhLoKH19"
        + "kjgjuK92Ysqpf3Px2ibumKsmvn8md/nMUrcNm8z6vdJfA7EzCStulFNpbkKWxKtqI+6GDt/TC2jjSMioyQ0HxbCLXnL1FiSPJUGB"
        + "m9z0prA5YZpC8sOpvjA8yp9pEfFTTIxbuC9u8wKBgQCdPyQALY/O94kEttINHIcA2XewtsJjaz8/+mxHaqAonoFFdlfY44soYvno"
        + "WJj5IMCSiSUVi8GyitYkV3IiFIvioWaHiwx+5MvTNpd8tTfX7zMBoxHAVO9mpWMMidBencuFtGS1O9TpEkVG0K9JcigMGZcb/fUK"
        + "CiJKQFSZyYH7bwKBgQCd2VDHPR8OFicVWQA4nIAsYvQGV/ItSA9y8XWMo9lgjP7GUogyvJPA4FEBflQai+2dnaHZtaVECIgr/56m"
        + "eTqLGwOQfG4Tu6QmU5L1ez4QzRjnlSlZaHQKupbu4o/8GtP4398+1QivKDe9h4wNGxn1/GHTCkVnhAW2EEwT04fw+w=="

    static func gatewayURL(_ mesh: TestMesh) -> String { "http://127.0.0.1:\(mesh.services["gateway"]!.port)" }

    /// `alipay/bankspay` for `tradeNo` as a browser calls it (GET, the session in the `token` header).
    static func bankspay(_ mesh: TestMesh, _ tradeNo: String, token: String) async throws -> HTTPResponse {
        try await mesh.send(
            HTTPRequest(method: .get, target: "/alipay/bankspay?trade_no=\(tradeNo)", headers: ["token": token]),
            to: "gateway")
    }

    /// The gateway's answer to `url`, an address under the gateway's public URL.
    static func follow(_ mesh: TestMesh, _ url: String) async throws -> HTTPResponse {
        let base = gatewayURL(mesh)
        #expect(url.hasPrefix(base + "/"), "\(url)")
        return try await mesh.get(String(url.dropFirst(base.count)), from: "gateway")
    }

    static func form(_ fields: [String: String]) -> [UInt8] {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return Array(
            fields.map {
                "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed)!)="
                    + $0.value.addingPercentEncoding(withAllowedCharacters: allowed)!
            }.joined(separator: "&").utf8)
    }

    static func decodeForm(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in
                (String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "")
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    /// Alipay's signing content: the parameters but `excluded`, non-empty, sorted, `k=v` joined by `&`.
    static func content(_ fields: [String: String], excluding excluded: Set<String>) -> String {
        fields.filter { !excluded.contains($0.key) && !$0.value.isEmpty }
            .sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            .map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }

    /// A notification for `tradeNo` signed with `key`.
    static func notification(
        tradeNo: String, amount: String = "88.00", status: String = "TRADE_SUCCESS", appID: String = appID,
        key: RSAPrivateKey = alipayKey
    ) throws -> [UInt8] {
        var fields = [
            "notify_time": "2026-12-03 12:01:02", "notify_type": "trade_status_sync", "notify_id": "forged01",
            "app_id": appID, "charset": "utf-8", "version": "1.0", "sign_type": "RSA2",
            "trade_no": "2026120322001499999999999999", "out_trade_no": tradeNo, "trade_status": status,
            "total_amount": amount, "seller_id": "2088000000000001",
        ]
        let signature = try RSASignature.sha256(
            Array(content(fields, excluding: ["sign", "sign_type"]).utf8), key: key)
        fields["sign"] = Base64.encode(signature)
        return form(fields)
    }

    static func notify(_ mesh: TestMesh, _ body: [UInt8]) async throws -> String {
        let request = HTTPRequest(
            method: .post, target: "/pay/alipay/notify",
            headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"], body: body)
        let response = try await mesh.send(request, to: "gateway")
        #expect(response.status == .ok)
        return response.bodyText
    }

    /// The trade's state and provider, and how many payments it has.
    static func trade(_ mesh: TestMesh, _ tradeNo: String) async throws -> (String, String?, Int64) {
        try await mesh.withDatabase { database in
            let row = try await database.query(
                """
                SELECT t.state, t.provider, (SELECT count(*) FROM orders.trade_payments p WHERE p.trade_id = t.id) AS n
                  FROM orders.trades t WHERE t.trade_no = \(tradeNo)
                """)[0]
            return (
                try row.decode("state", as: String.self), try row.decode("provider", as: String?.self),
                try row.decode("n", as: Int64.self)
            )
        }
    }

    /// Opens a recharge of `amount` yuan and sends the browser to Alipay's simulated cashier; answers our
    /// trade number and Alipay's, after checking the signed redirect and the page.
    static func openCashier(
        _ mesh: TestMesh, _ client: MobileClient, token: String, amount: String
    ) async throws -> (tradeNo: String, alipayTradeNo: String) {
        let created = try await client.call(
            "/mobile/member/recharge", ["amount": .string(amount), "paypwd": "pay_pass1"], token: token)
        #expect(created["code"] == 308, "\(created)")
        let tradeNo = try #require(created["data"]?["tradeNo"]?.stringValue)

        let redirect = try await bankspay(mesh, tradeNo, token: token)
        #expect(redirect.status == HTTPStatus(code: 302), "\(redirect.bodyText)")
        let location = try #require(redirect.headers["Location"])
        let gateway = gatewayURL(mesh) + "/sandbox/alipay/gateway.do?"
        #expect(location.hasPrefix(gateway))
        let parameters = decodeForm(String(location.dropFirst(gateway.count)))
        #expect(parameters["app_id"] == appID && parameters["method"] == "alipay.trade.page.pay")
        #expect(parameters["sign_type"] == "RSA2" && parameters["charset"] == "utf-8" && parameters["version"] == "1.0")
        #expect(parameters["notify_url"] == gatewayURL(mesh) + "/pay/alipay/notify")
        let signature = try #require(parameters["sign"].flatMap(Base64.decode))
        #expect(
            RSASignature.isValidSHA256(
                signature, of: Array(content(parameters, excluding: ["sign"]).utf8), key: appPublicKey))
        let business = try JSONValue.parse(try #require(parameters["biz_content"]))
        #expect(business["out_trade_no"] == .string(tradeNo))
        #expect(business["product_code"] == "FAST_INSTANT_TRADE_PAY")
        let fen = Int((Double(amount)! * 100).rounded())
        #expect(business["total_amount"] == .string(String(format: "%d.%02d", fen / 100, fen % 100)))
        #expect(business["time_expire"]?.stringValue?.count == 19)

        let page = try await follow(mesh, location)
        #expect(page.status == .ok && page.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(page.bodyText.contains(tradeNo) && page.bodyText.contains("账户余额充值"))
        let marker = "id=\"trade_no\">"
        let start = try #require(page.bodyText.range(of: marker))
        let alipayTradeNo = String(page.bodyText[start.upperBound...].prefix { $0 != "<" })
        #expect(alipayTradeNo.count == 28)
        return (tradeNo, alipayTradeNo)
    }

    static func act(_ mesh: TestMesh, _ alipayTradeNo: String, _ outcome: String) async throws -> HTTPResponse {
        try await mesh.send(
            HTTPRequest(
                method: .post, target: "/sandbox/alipay/act",
                headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: form(["trade_no": alipayTradeNo, "outcome": outcome])), to: "gateway")
    }

    @Test func aRechargePaidOnAlipaysCashierCreditsTheBalanceOnce() async throws {
        try await TestMesh.with(
            ["auth", "user", "orders", "gateway"], extraEnvironment: MobileRechargeTests.environment
        ) { mesh in
            let client = MobileClient(mesh: mesh)
            let member = try await MobileMember.make(mesh, mobile: "13700000101")
            let (tradeNo, alipayTradeNo) = try await Self.openCashier(mesh, client, token: member.token, amount: "88")
            #expect(try await Self.trade(mesh, tradeNo) == ("created", "alipay", 0))

            let paid = try await Self.act(mesh, alipayTradeNo, "pay")
            #expect(paid.status == .ok && paid.bodyText.contains("支付成功"), "\(paid.bodyText)")
            #expect(try await MobileRechargeTests.waitForBalance(mesh, member.account, 8800) == 1)
            #expect(try await Self.trade(mesh, tradeNo) == ("paid", "alipay", 1))

            let letter = try await mesh.withDatabase { database in
                try await database.query(
                    "SELECT body, attempts, delivered_at IS NOT NULL AS delivered FROM orders.sandbox_letters"
                ).map { (try $0.decode("body", as: [UInt8].self), try $0.decode("delivered", as: Bool.self)) }
            }
            #expect(letter.count == 1 && letter[0].1)
            let genuine = letter[0].0
            let answers = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<50 { group.addTask { try await Self.notify(mesh, genuine) } }
                var all: [String] = []
                for try await answer in group { all.append(answer) }
                return all
            }
            #expect(answers.count == 50 && answers.allSatisfy { $0 == "success" })

            var tampered = Self.decodeForm(String(decoding: genuine, as: UTF8.self))
            tampered["total_amount"] = "0.01"
            let forged: [[UInt8]] = [
                Self.form(tampered),
                try Self.notification(tradeNo: tradeNo, key: try RSAPrivateKey(text: Self.otherKey)),
                try Self.notification(tradeNo: tradeNo, appID: "9021000000000002"),
                try Self.notification(tradeNo: tradeNo, amount: "88.01"),
                try Self.notification(tradeNo: tradeNo, amount: "87.99"),
                try Self.notification(tradeNo: "20261203120000999999"),
                Array("trade_status=TRADE_SUCCESS&out_trade_no=\(tradeNo)".utf8),
            ]
            for body in forged { #expect(try await Self.notify(mesh, body) == "failure") }
            #expect(
                try await Self.notify(mesh, try Self.notification(tradeNo: tradeNo, status: "TRADE_CLOSED"))
                    == "success")

            try await Task.sleep(for: .milliseconds(500))
            #expect(try await Self.trade(mesh, tradeNo) == ("paid", "alipay", 1))
            #expect(try await MobileRechargeTests.balance(mesh, member.account) == (8800, 1))
            let again = try JSONValue.parse(try await Self.bankspay(mesh, tradeNo, token: member.token).body)
            #expect(again["code"] == "300" && again["msg"] == "交易已支付", "\(again)")
        }
    }

    @Test func theAdminActionPaysAndTheFailButtonClosesWithoutCredit() async throws {
        try await TestMesh.with(
            ["auth", "user", "orders", "gateway"], extraEnvironment: MobileRechargeTests.environment
        ) { mesh in
            let client = MobileClient(mesh: mesh)
            let member = try await MobileMember.make(mesh, mobile: "13700000102")
            let other = try await MobileMember.make(mesh, mobile: "13700000103")

            let first = try await Self.openCashier(mesh, client, token: member.token, amount: "1")
            let strangers = try JSONValue.parse(try await Self.bankspay(mesh, first.tradeNo, token: other.token).body)
            #expect(strangers["code"] == "300" && strangers["msg"] == "交易不存在", "\(strangers)")
            let unknown = try JSONValue.parse(
                try await Self.bankspay(mesh, "20261203120000999999", token: member.token).body)
            #expect(unknown["code"] == "300")
            let anonymous = try await mesh.send(
                HTTPRequest(method: .get, target: "/alipay/bankspay?trade_no=\(first.tradeNo)"), to: "gateway")
            #expect(try JSONValue.parse(anonymous.body)["code"] == "300")

            let paid = try await AdminClient(mesh: mesh).call(
                "orders/sandbox.alipay.pay", ["trade_no": .string(first.tradeNo), "outcome": "pay"])
            #expect(paid["ok"] == true && paid["data"]?["trade_status"] == "TRADE_SUCCESS", "\(paid)")
            #expect(try await MobileRechargeTests.waitForBalance(mesh, member.account, 100) == 1)

            let second = try await Self.openCashier(mesh, client, token: member.token, amount: "2.5")
            let failed = try await Self.act(mesh, second.alipayTradeNo, "fail")
            #expect(failed.bodyText.contains("交易已关闭"))
            var delivered = false
            for _ in 0..<100 where !delivered {
                delivered = try await mesh.withDatabase { database in
                    try await database.query(
                        "SELECT count(*) AS n FROM orders.sandbox_letters WHERE delivered_at IS NOT NULL"
                    )[0].decode("n", as: Int64.self) == 2
                }
                if !delivered { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(delivered, "the TRADE_CLOSED notification was acknowledged")
            #expect(try await Self.trade(mesh, second.tradeNo) == ("created", "alipay", 0))
            #expect(try await MobileRechargeTests.balance(mesh, member.account) == (100, 1))
        }
    }

    @Test func anAlipayRechargeIsRefundedAndAMissedPaymentIsReconciled() async throws {
        try await TestMesh.with(
            ["auth", "user", "orders", "gateway"], extraEnvironment: MobileRechargeTests.environment
        ) { mesh in
            let client = MobileClient(mesh: mesh)
            let admin = AdminClient(mesh: mesh)
            let member = try await MobileMember.make(mesh, mobile: "13700000104")
            let paid = try await Self.openCashier(mesh, client, token: member.token, amount: "3")
            _ = try await admin.call(
                "orders/sandbox.alipay.pay", ["trade_no": .string(paid.tradeNo), "outcome": "pay"])
            #expect(try await MobileRechargeTests.waitForBalance(mesh, member.account, 300) == 1)

            let refund = try await admin.call(
                "orders/payments.refund", ["trade_no": .string(paid.tradeNo), "refund_no": "A-1", "amount": 100])
            #expect(refund["ok"] == true, "\(refund)")
            let refunded = try await PaymentRefundTests.waitForRefunds(admin, paid.tradeNo) {
                $0.first?["state"] == "succeeded"
            }
            #expect(refunded.first?["provider_refund_id"]?.stringValue == paid.alipayTradeNo)
            #expect(try await MobileRechargeTests.balance(mesh, member.account).balance == 200)
            let simulated = try await mesh.withDatabase { database in
                try await database.query(
                    "SELECT refunded FROM orders.sandbox_alipay_trades WHERE trade_no = \(paid.alipayTradeNo)"
                )[0].decode("refunded", as: Int64.self)
            }
            #expect(simulated == 100)

            let missed = try await Self.openCashier(mesh, client, token: member.token, amount: "1.5")
            _ = try await mesh.withDatabase { database in
                try await database.execute(
                    """
                    UPDATE orders.sandbox_alipay_trades SET state = 'TRADE_SUCCESS', paid_at = now(),
                           buyer_id = '2088000000000001'
                     WHERE trade_no = \(missed.alipayTradeNo)
                    """)
            }
            let report = try await admin.call("orders/payments.reconcile", [:])
            #expect(report["data"]?["differences"]?[0]?["trade_no"] == .string(missed.tradeNo), "\(report)")
            #expect(report["data"]?["differences"]?[0]?["provider"] == "TRADE_SUCCESS")
            let applied = try await admin.call("orders/payments.reapply", ["trade_no": .string(missed.tradeNo)])
            #expect(applied["data"]?["outcome"] == "paid", "\(applied)")
            #expect(try await MobileRechargeTests.waitForBalance(mesh, member.account, 350) == 2)
        }
    }
}
