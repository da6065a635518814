import AuthService
import Foundation
import JSON
import Mesh
import ServiceHarness
import Testing

/// `sms.notify` through auth's real routes in process, as the orders service calls it: one message per
/// idempotency key however often it is retried, the key refused with another message, bad numbers and
/// missing keys refused, and the text never kept in auth's own table.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] != nil, "needs TEST_DATABASE_URL"))
struct SMSNoticeContractTests {
    static let services = [InProcessService(.auth, descriptor: AuthService.descriptor, routes: AuthService.routes)]

    @Test func aNoticeIsSentOncePerKey() async throws {
        try await InProcessMesh.with(Self.services) { mesh in
            let text = "您购买的「代金券」×1 已支付成功，核销码：123456789012，请到店出示使用。"
            let body: JSONObject = ["mobile": "13500000001", "text": .string(text)]
            for _ in 0..<3 {
                let sent = try await mesh.internalCall(.auth, "sms.notify", body, idempotencyKey: "notice-1")
                #expect(sent.kind == .ok, "\(sent)")
            }
            let other = try await mesh.internalCall(
                .auth, "sms.notify", ["mobile": "13500000001", "text": "另一条"], idempotencyKey: "notice-1")
            #expect(other.kind == .invalidParams)
            let badMobile = try await mesh.internalCall(
                .auth, "sms.notify", ["mobile": "1234", "text": "x"], idempotencyKey: "notice-2")
            #expect(badMobile.kind == .invalidParams)
            let noKey = try await mesh.internalCall(.auth, "sms.notify", body, idempotencyKey: nil)
            #expect(noKey.kind == .missingParameter)
            let tooLong = try await mesh.internalCall(
                .auth, "sms.notify", ["mobile": "13500000001", "text": .string(String(repeating: "长", count: 301))],
                idempotencyKey: "notice-3")
            #expect(tooLong.kind == .invalidParams)

            let database = try #require(mesh.database(of: .auth))
            let outbox = try await database.query(
                "SELECT count(*) AS n FROM auth.sms_outbox WHERE mobile = '13500000001'")[0].decode("n", as: Int64.self)
            #expect(outbox == 1)
            let kept = try await database.query(
                "SELECT count(*) AS n FROM auth.sms_notices WHERE text_hash LIKE '%核销%' OR sent_at IS NULL"
            )[0].decode("n", as: Int64.self)
            #expect(kept == 0)
        }
    }
}
