import EventLoops
import HTTPClient
import Postgres
import ServiceHarness
import ServiceKit
import Testing

@testable import OrdersService

/// The payment simulator's courier: a notification is repeated on the provider's schedule until the
/// callback answers what the provider expects, and given up once the schedule runs out.
@Suite(.serialized)
struct SandboxCourierTests {
    @Test func theAcknowledgementIsWhatTheProviderWaitsFor() {
        let success = WeChatPayNotification.acknowledgement
        #expect(SandboxCourier.accepts(.wechat, answer: .init(status: 200, body: success)))
        #expect(!SandboxCourier.accepts(.wechat, answer: .init(status: 200, body: WeChatPayNotification.failure("x"))))
        #expect(!SandboxCourier.accepts(.wechat, answer: .init(status: 503, body: success)))
        #expect(!SandboxCourier.accepts(.wechat, answer: .init(status: 200, body: "success")))
        #expect(SandboxCourier.accepts(.alipay, answer: .init(status: 200, body: "success\n")))
        #expect(!SandboxCourier.accepts(.alipay, answer: .init(status: 200, body: "failure")))
        let wechatTotal = SandboxCourier.wechatSchedule.reduce(0, +)
        #expect(wechatTotal == 86_640)
        #expect(SandboxCourier.alipaySchedule.count + 1 == 8)
    }

    @Test func anUnansweredNotificationIsRepeatedOnTheScheduleThenGivenUp() async throws {
        let orders = InProcessService(.orders, descriptor: OrdersService.descriptor, routes: OrdersService.routes)
        try await InProcessMesh.with([orders], environment: ["ORDERS_SANDBOX_TIME_SCALE": "0.00001"]) { mesh in
            guard let database = mesh.database(of: .orders) else { throw InProcessMeshError("no orders database") }
            let group = try EventLoopGroup(threads: 1)
            let client = HTTPClient(group: group)
            defer { client.shutdown() }
            let courier = SandboxCourier(
                database: database, client: client, timeScale: 0.00001, logger: Logger(service: "test"))
            let letter = SandboxLetter(
                provider: .wechat, url: "http://127.0.0.1:1/pay/wechat/notify", contentType: "text/xml",
                body: Array("<xml></xml>".utf8))
            try await SandboxCourier.post(letter, on: database)
            var state: (attempts: Int, abandoned: Bool, delivered: Bool) = (0, false, false)
            for _ in 0..<400 where !state.abandoned {
                try await courier.deliverDue(limit: 10)
                let row = try await database.query(
                    """
                    SELECT attempts, abandoned_at IS NOT NULL AS abandoned, delivered_at IS NOT NULL AS delivered
                      FROM orders.sandbox_letters
                    """)[0]
                state = (try row.decode("attempts"), try row.decode("abandoned"), try row.decode("delivered"))
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(state.abandoned && !state.delivered)
            #expect(state.attempts == SandboxCourier.wechatSchedule.count + 1)
        }
    }
}
