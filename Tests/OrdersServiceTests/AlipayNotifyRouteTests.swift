import Foundation
import HTTPCore
import JSON
import Mesh
import Postgres
import ServiceHarness
import Testing

@testable import OrdersService

/// `POST /notify/alipay` and `alipay/bankspay` on the orders service with its database: a genuine
/// notification pays its trade once however often it comes; forged, foreign, mismatched or unknown ones
/// are answered `failure` and change nothing; statuses that are not payments are acknowledged.
@Suite(.serialized)
struct AlipayNotifyRouteTests {
    static func with(_ body: (InProcessMesh, PostgresPool) async throws -> Void) async throws {
        let orders = InProcessService(.orders, descriptor: OrdersService.descriptor, routes: OrdersService.routes)
        try await InProcessMesh.with([orders], environment: ["ORDERS_PAYMENTS_SWEEP_MS": "60000"]) { mesh in
            guard let database = mesh.database(of: .orders) else { throw InProcessMeshError("no orders database") }
            try await body(mesh, database)
        }
    }

    static func insertTrade(
        _ database: PostgresPool, tradeNo: String, account: Int64 = 7, amount: Int64 = 8800,
        expiresIn seconds: Int = 1800
    ) async throws {
        try await database.execute(
            """
            INSERT INTO orders.trades (trade_no, business, business_ref, account_id, amount, expires_at)
            VALUES (\(tradeNo), 'recharge', \("R-" + tradeNo), \(account), \(amount),
                    now() + make_interval(secs => \(seconds)))
            """)
    }

    static func notify(_ mesh: InProcessMesh, _ body: [UInt8]) async throws -> String {
        let request = HTTPRequest(
            method: .post, target: "/notify/alipay",
            headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"], body: body)
        let response = try await mesh.send(request, to: .orders)
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "text/plain; charset=utf-8")
        return String(decoding: response.body, as: UTF8.self)
    }

    static func state(_ database: PostgresPool, _ tradeNo: String) async throws -> (String, String?, Int64) {
        let row = try await database.query(
            """
            SELECT t.state, t.provider, (SELECT count(*) FROM orders.trade_payments p WHERE p.trade_id = t.id) AS n
              FROM orders.trades t WHERE t.trade_no = \(tradeNo)
            """)[0]
        return (try row.decode("state"), try row.decode("provider"), try row.decode("n"))
    }

    @Test func aGenuineNotificationPaysOnceAndForgeriesChangeNothing() async throws {
        try await Self.with { mesh, database in
            let tradeNo = "20261203120000100001"
            try await Self.insertTrade(database, tradeNo: tradeNo)
            let fields = AlipayTestSupport.fields(tradeNo: tradeNo)
            var foreign = fields
            foreign["app_id"] = "9021000000000002"
            var unknown = fields
            unknown["out_trade_no"] = "20261203120000999999"
            let forged = [
                try AlipayTestSupport.body(fields, signWith: AlipayTestSupport.appKey),
                try AlipayTestSupport.body(fields, tamper: ["total_amount": "0.01", "receipt_amount": "0.01"]),
                try AlipayTestSupport.body(foreign),
                try AlipayTestSupport.body(AlipayTestSupport.fields(tradeNo: tradeNo, amount: "87.99")),
                try AlipayTestSupport.body(AlipayTestSupport.fields(tradeNo: tradeNo, amount: "88.01")),
                try AlipayTestSupport.body(unknown),
                Array("not=a&notification=1".utf8),
            ]
            for body in forged { #expect(try await Self.notify(mesh, body) == "failure") }
            #expect(try await Self.state(database, tradeNo) == ("created", nil, 0))

            let genuine = try AlipayTestSupport.body(fields)
            let answers = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<20 { group.addTask { try await Self.notify(mesh, genuine) } }
                var all: [String] = []
                for try await answer in group { all.append(answer) }
                return all
            }
            #expect(answers.count == 20 && answers.allSatisfy { $0 == "success" })
            #expect(try await Self.state(database, tradeNo) == ("paid", "alipay", 1))
            let finished = try AlipayTestSupport.body(
                AlipayTestSupport.fields(tradeNo: tradeNo, status: "TRADE_FINISHED"))
            #expect(try await Self.notify(mesh, finished) == "success")
            #expect(try await Self.state(database, tradeNo) == ("paid", "alipay", 1))
            let transaction: String = try await database.query(
                "SELECT transaction_id FROM orders.trades WHERE trade_no = \(tradeNo)")[0].decode("transaction_id")
            #expect(transaction == "2026120322001412345678901234")
        }
    }

    @Test func aClosedStatusIsAcknowledgedWithoutChange() async throws {
        try await Self.with { mesh, database in
            let tradeNo = "20261203120000100002"
            try await Self.insertTrade(database, tradeNo: tradeNo)
            let closed = try AlipayTestSupport.body(AlipayTestSupport.fields(tradeNo: tradeNo, status: "TRADE_CLOSED"))
            #expect(try await Self.notify(mesh, closed) == "success")
            #expect(try await Self.state(database, tradeNo) == ("created", nil, 0))
        }
    }

    @Test func bankspayRedirectsTheMembersOpenTradeToTheCashier() async throws {
        try await Self.with { mesh, database in
            let tradeNo = "20261203120000100003"
            try await Self.insertTrade(database, tradeNo: tradeNo, account: 7)
            let member = CallerIdentity(userID: "7")
            let reply = try await mesh.call(.mobile, "alipay/bankspay", ["trade_no": .string(tradeNo)], caller: member)
            #expect(reply.kind == .ok, "\(reply.message)")
            let location = try #require(reply.data?["location"]?.stringValue)
            #expect(location.hasPrefix("http://127.0.0.1:8080/sandbox/alipay/gateway.do?"))
            let query = String(location.split(separator: "?", maxSplits: 1)[1])
            let parameters = try AlipayForm.decode(Array(query.utf8))
            #expect(parameters["method"] == "alipay.trade.page.pay")
            #expect(parameters["notify_url"] == "http://127.0.0.1:8080/pay/alipay/notify")
            let business = try JSONValue.parse(parameters["biz_content"] ?? "")
            #expect(business["out_trade_no"] == .string(tradeNo) && business["total_amount"] == "88.00")
            #expect(
                AlipaySignature.verify(
                    parameters["sign"] ?? "", of: Array(AlipaySignature.requestContent(parameters).utf8),
                    key: try AlipayTestSupport.appKey.publicKey()))
            #expect(try await Self.state(database, tradeNo) == ("created", "alipay", 0))

            let stranger = try await mesh.call(
                .mobile, "alipay/bankspay", ["trade_no": .string(tradeNo)], caller: CallerIdentity(userID: "8"))
            #expect(stranger.kind == .notFound)
            let missing = try await mesh.call(
                .mobile, "alipay/bankspay", ["trade_no": "20261203120000999999"], caller: member)
            #expect(missing.kind == .notFound)
            let anonymous = try await mesh.call(.mobile, "alipay/bankspay", ["trade_no": .string(tradeNo)])
            #expect(anonymous.kind == .notLoggedIn)

            #expect(
                try await Self.notify(mesh, try AlipayTestSupport.body(AlipayTestSupport.fields(tradeNo: tradeNo)))
                    == "success")
            let paid = try await mesh.call(.mobile, "alipay/bankspay", ["trade_no": .string(tradeNo)], caller: member)
            #expect(paid.kind == .invalidState && paid.message == "交易已支付")

            let expired = "20261203120000100004"
            try await Self.insertTrade(database, tradeNo: expired, expiresIn: -1)
            let late = try await mesh.call(.mobile, "alipay/bankspay", ["trade_no": .string(expired)], caller: member)
            #expect(late.kind == .invalidState && late.message.contains("已关闭"))
        }
    }
}
