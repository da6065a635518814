import Crypto
import Foundation
import HTTPClient
import HTTPCore
import JSON
import Mesh
import Postgres
import ServiceHarness
import ServiceKit
import Testing

@testable import OrdersService

/// The Alipay simulator of a real orders service on a port of its own: the cashier it shows for a signed
/// page-pay request, its buttons, the signed notifications it queues, the admin operation, and the server
/// API answered to `AlipayClient` as Alipay answers.
@Suite(.serialized)
struct AlipaySandboxTests {
    /// A running orders service (development keys, simulator) with the client and the page gateway on its port.
    struct Server {
        let application: ServiceApplication
        let database: PostgresPool
        let port: Int
        let settings: AlipaySettings

        var client: AlipayClient { AlipayClient(settings: settings, http: application.client) }
        var upstream: Upstream { Upstream(host: "127.0.0.1", port: port) }

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            try await application.client.send(request, to: upstream, timeout: .seconds(30))
        }

        func get(_ url: String) async throws -> HTTPResponse {
            let prefix = "http://127.0.0.1:\(port)"
            #expect(url.hasPrefix(prefix))
            return try await send(HTTPRequest(method: .get, target: String(url.dropFirst(prefix.count))))
        }

        func act(_ tradeNo: String, _ outcome: String) async throws -> HTTPResponse {
            try await send(
                HTTPRequest(
                    method: .post, target: "/sandbox/alipay/act",
                    headers: ["Content-Type": "application/x-www-form-urlencoded"],
                    body: Array(AlipayForm.encode(["trade_no": tradeNo, "outcome": outcome]).utf8)))
        }

        func admin(_ operation: String, _ body: JSONObject) async throws -> CanonicalReply {
            let request = HTTPRequest(
                method: .post, target: "/admin/\(operation)",
                headers: [
                    "Content-Type": "application/json", MeshHeaders.internalKey: AlipaySandboxTests.internalKey,
                    MeshHeaders.userID: "1", MeshHeaders.role: CallerRole.admin.rawValue,
                ], body: JSONValue.object(body).serializedBytes())
            return try CanonicalReply(response: try await send(request))
        }

        /// The notifications queued so far, oldest first.
        func letters() async throws -> [SandboxLetter] {
            try await database.query("SELECT url, content_type, body FROM orders.sandbox_letters ORDER BY id").map {
                SandboxLetter(
                    provider: .alipay, url: try $0.decode("url"), contentType: try $0.decode("content_type"),
                    body: try $0.decode("body"))
            }
        }

        /// The cashier page of `order`, as a browser sent there by `alipay/bankspay` gets it.
        func cashier(_ order: AlipayOrder) async throws -> (HTTPResponse, String) {
            let page = try await get(try AlipayPagePay.url(for: order, settings: settings, now: Date()))
            let html = String(decoding: page.body, as: UTF8.self)
            return (page, AlipaySandboxTests.element("trade_no", in: html) ?? "")
        }
    }

    static let internalKey = "alipay-sandbox-test-key"

    static func with(_ body: (Server) async throws -> Void) async throws {
        guard let serverURL = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] else {
            throw InProcessMeshError("TEST_DATABASE_URL is not set")
        }
        let name = "alipay_" + SecureRandom.token(bytes: 6)
        try await TestDatabaseServer.execute("CREATE DATABASE \(name)", on: serverURL)
        let values = [
            "APP_ENV": "test", "DATABASE_URL": TestDatabaseServer.replacingDatabase(in: serverURL, with: name),
            "INTERNAL_KEY": internalKey, "LOG_LEVEL": "error", "HTTP_THREADS": "1", "DB_POOL_SIZE": "4",
            "ORDERS_PORT": "0", "ORDERS_PAYMENTS_SWEEP_MS": "60000", "PUBLIC_BASE_URL": "https://m.example.com",
        ]
        let configuration = try ServiceConfiguration(
            descriptor: OrdersService.descriptor, environment: Environment(prefix: "orders", values: values))
        let application = try ServiceApplication(configuration: configuration)
        do {
            try await application.prepare()
            let port = try await application.start(routes: try await OrdersService.routes(application))
            let gateway = "http://127.0.0.1:\(port)/sandbox/alipay/gateway.do"
            let settings = try AlipayTestSupport.settings(
                pageGateway: gateway, api: gateway, notifyURL: "https://m.example.com/pay/alipay/notify",
                returnURL: "https://m.example.com/paid?from=alipay")
            try await body(
                Server(application: application, database: application.database!, port: port, settings: settings))
        } catch {
            await application.shutdown()
            try? await TestDatabaseServer.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: serverURL)
            throw error
        }
        await application.shutdown()
        try await TestDatabaseServer.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: serverURL)
    }

    static func order(
        _ tradeNo: String, amount: Int64 = 8800, subject: String = "账户余额充值", minutes: Double = 30
    )
        -> AlipayOrder
    {
        AlipayOrder(
            tradeNo: tradeNo, amount: amount, subject: subject, expiresAt: Date().addingTimeInterval(minutes * 60))
    }

    /// The text of the element with `id` in `html`.
    static func element(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\">"), let end = html[start.upperBound...].range(of: "<") else {
            return nil
        }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func payingOnTheCashierQueuesOneSignedNotificationAndTheAPIAgrees() async throws {
        try await Self.with { server in
            let tradeNo = "20261203120000200001"
            #expect(try await server.client.query(tradeNo: tradeNo) == .notCreated)
            let (page, alipayTradeNo) = try await server.cashier(Self.order(tradeNo))
            #expect(page.status == .ok && page.headers["Content-Type"] == "text/html; charset=utf-8")
            let html = String(decoding: page.body, as: UTF8.self)
            #expect(html.contains("¥ 88.00") && html.contains("账户余额充值") && html.contains(tradeNo))
            #expect(html.contains("value=\"pay\"") && html.contains("value=\"fail\""))
            #expect(alipayTradeNo.count == 28 && alipayTradeNo.allSatisfy(\.isNumber))
            #expect(try await server.client.query(tradeNo: tradeNo) == .waitingForPayment)
            let (again, sameNo) = try await server.cashier(Self.order(tradeNo))
            #expect(again.status == .ok && sameNo == alipayTradeNo)

            let paid = try await server.act(alipayTradeNo, "pay")
            let result = String(decoding: paid.body, as: UTF8.self)
            #expect(paid.status == .ok && result.contains("支付成功"))
            #expect(result.contains("https://m.example.com/paid?from=alipay&amp;app_id="))
            #expect(try await server.act(alipayTradeNo, "pay").status == .ok)

            let letters = try await server.letters()
            #expect(letters.count == 1)
            let letter = try #require(letters.first)
            #expect(letter.url == "https://m.example.com/pay/alipay/notify")
            #expect(letter.contentType.hasPrefix("application/x-www-form-urlencoded"))
            let fields = try AlipayForm.decode(letter.body)
            for name in [
                "notify_time", "notify_type", "notify_id", "app_id", "out_trade_no", "trade_no", "total_amount",
                "receipt_amount", "buyer_id", "seller_id", "gmt_payment", "charset", "version", "sign_type", "sign",
            ] {
                #expect(fields[name].map { !$0.isEmpty } == true, "\(name) is missing")
            }
            #expect(fields["notify_type"] == "trade_status_sync" && fields["trade_status"] == "TRADE_SUCCESS")
            let payment = VerifiedPayment(tradeNo: tradeNo, amount: 8800, transactionID: alipayTradeNo)
            #expect(
                AlipayNotification.verify(letter.body, account: AlipayTestSupport.account())
                    == .success(.payment(payment)))

            #expect(
                try await server.client.query(tradeNo: tradeNo)
                    == .paid(transactionID: alipayTradeNo, amount: 8800, finished: false))
            await #expect(throws: AlipayError.self) { _ = try await server.client.close(tradeNo: tradeNo) }
        }
    }

    @Test func refundsApplyOncePerNumberAndNeverExceedThePayment() async throws {
        try await Self.with { server in
            let tradeNo = "20261203120000200002"
            let (_, alipayTradeNo) = try await server.cashier(Self.order(tradeNo, amount: 1000))
            do throws(AlipayError) {
                _ = try await server.client.refund(tradeNo: tradeNo, refundNo: "R1", amount: 100, reason: "")
                Issue.record("an unpaid trade was refunded")
            } catch {
                #expect(error.kind == .refused && error.subCode == "ACQ.TRADE_STATUS_ERROR")
            }
            _ = try await server.act(alipayTradeNo, "pay")
            let first = try await server.client.refund(tradeNo: tradeNo, refundNo: "R1", amount: 300, reason: "部分退款")
            #expect(first == AlipayRefund(transactionID: alipayTradeNo, fundChanged: true, refundedTotal: 300))
            let repeated = try await server.client.refund(tradeNo: tradeNo, refundNo: "R1", amount: 300, reason: "")
            #expect(repeated == AlipayRefund(transactionID: alipayTradeNo, fundChanged: false, refundedTotal: 300))
            do throws(AlipayError) {
                _ = try await server.client.refund(tradeNo: tradeNo, refundNo: "R2", amount: 701, reason: "")
                Issue.record("more than the payment was refunded")
            } catch {
                #expect(error.kind == .refused && error.subCode == "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL")
            }
            let rest = try await server.client.refund(tradeNo: tradeNo, refundNo: "R2", amount: 700, reason: "")
            #expect(rest.refundedTotal == 1000 && rest.fundChanged)
            #expect(try await server.client.query(tradeNo: tradeNo) == .closed)
        }
    }

    @Test func failingClosingAndTheAdminOperation() async throws {
        try await Self.with { server in
            let failed = "20261203120000200003"
            let (_, failedNo) = try await server.cashier(Self.order(failed))
            let page = String(decoding: try await server.act(failedNo, "fail").body, as: UTF8.self)
            #expect(page.contains("交易已关闭"))
            let letters = try await server.letters()
            #expect(letters.count == 1)
            let closed = try #require(letters.first)
            #expect(
                AlipayNotification.verify(closed.body, account: AlipayTestSupport.account())
                    == .success(.status("TRADE_CLOSED", tradeNo: failed)))
            #expect(try await server.act(failedNo, "pay").status == HTTPStatus(code: 400))

            let unpaid = "20261203120000200004"
            _ = try await server.cashier(Self.order(unpaid))
            #expect(try await server.client.close(tradeNo: unpaid) == .closed)
            #expect(try await server.client.close(tradeNo: "20261203120000299999") == .notCreated)
            #expect(try await server.client.query(tradeNo: unpaid) == .closed)

            let byAdmin = "20261203120000200005"
            let missing = try await server.admin(
                "sandbox.alipay.pay", ["trade_no": .string(byAdmin), "outcome": "pay"])
            #expect(missing.kind == .notFound)
            _ = try await server.cashier(Self.order(byAdmin))
            let reply = try await server.admin("sandbox.alipay.pay", ["trade_no": .string(byAdmin), "outcome": "pay"])
            #expect(reply.kind == .ok && reply.data?["trade_status"] == "TRADE_SUCCESS")
            let wrong = try await server.admin(
                "sandbox.alipay.pay", ["trade_no": .string(byAdmin), "outcome": "maybe"])
            #expect(wrong.kind == .invalidParams)
            #expect(try await server.letters().count == 2)
        }
    }

    @Test func requestsTheAppDidNotSignOrThatChangeAreRefused() async throws {
        try await Self.with { server in
            let tradeNo = "20261203120000200006"
            let url = try AlipayPagePay.url(for: Self.order(tradeNo), settings: server.settings, now: Date())
            let tampered = url.replacingOccurrences(of: "%2288.00%22", with: "%220.01%22")
            #expect(tampered != url)
            let refused = try await server.get(tampered)
            #expect(refused.status == HTTPStatus(code: 400))
            #expect(
                Self.element("sub_code", in: String(decoding: refused.body, as: UTF8.self)) == "isv.invalid-signature")

            var stranger = server.settings
            stranger = AlipaySettings(
                account: AlipayAccount(
                    appID: "9021000000000002", privateKey: AlipayTestSupport.appKey,
                    alipayPublicKey: AlipayTestSupport.alipayPublicKey, sellerID: nil),
                pageGateway: stranger.pageGateway, apiEndpoint: stranger.apiEndpoint, notifyURL: stranger.notifyURL,
                returnURL: nil, apiTimeout: .seconds(10), simulated: true)
            let foreign = try await server.get(
                try AlipayPagePay.url(for: Self.order(tradeNo), settings: stranger, now: Date()))
            #expect(Self.element("sub_code", in: String(decoding: foreign.body, as: UTF8.self)) == "isv.invalid-app-id")

            let wrongKey = AlipaySettings(
                account: AlipayAccount(
                    appID: AlipayDevelopmentKeys.appID, privateKey: AlipayTestSupport.alipayKey,
                    alipayPublicKey: AlipayTestSupport.alipayPublicKey, sellerID: nil),
                pageGateway: stranger.pageGateway, apiEndpoint: stranger.apiEndpoint, notifyURL: stranger.notifyURL,
                returnURL: nil, apiTimeout: .seconds(10), simulated: true)
            do throws(AlipayError) {
                _ = try await AlipayClient(settings: wrongKey, http: server.application.client).query(tradeNo: tradeNo)
                Issue.record("a request signed with another key was answered")
            } catch {
                #expect(error.kind == .refused && error.subCode == "isv.invalid-signature")
            }

            _ = try await server.cashier(Self.order(tradeNo))
            let changed = try await server.get(
                try AlipayPagePay.url(for: Self.order(tradeNo, amount: 8801), settings: server.settings, now: Date()))
            #expect(
                Self.element("sub_code", in: String(decoding: changed.body, as: UTF8.self))
                    == "ACQ.CONTEXT_INCONSISTENT")
            #expect(try await server.letters().isEmpty)
        }
    }

    @Test func theCashierEscapesWhatItShowsAndClosesExpiredTrades() async throws {
        try await Self.with { server in
            let hostile = "<script>alert('x')</script> & \"quotes\""
            let (page, _) = try await server.cashier(Self.order("20261203120000200007", subject: hostile))
            let html = String(decoding: page.body, as: UTF8.self)
            #expect(!html.contains("<script>") && !html.contains("alert('x')"))
            #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))

            let lapsing = "20261203120000200009"
            let (open, _) = try await server.cashier(Self.order(lapsing, minutes: 2.0 / 60))
            #expect(String(decoding: open.body, as: UTF8.self).contains("value=\"pay\""))
            try await Task.sleep(for: .milliseconds(2100))
            #expect(try await server.client.query(tradeNo: lapsing) == .closed)

            let (expired, expiredNo) = try await server.cashier(Self.order("20261203120000200008", minutes: -1))
            #expect(String(decoding: expired.body, as: UTF8.self).contains("交易已关闭"))
            #expect(!String(decoding: expired.body, as: UTF8.self).contains("value=\"pay\""))
            #expect(try await server.act(expiredNo, "pay").status == HTTPStatus(code: 400))
            #expect(try await server.letters().isEmpty)
        }
    }
}
