import JSON
import Testing

/// A mobile mall member made for a test: an account with a mobile session, its pay password set through
/// the mall's own operation (an SMS code of type 2) and a starting balance credited through the wallet.
struct MobileMember: Sendable {
    let account: Int64
    let token: String

    static func make(
        _ mesh: TestMesh, mobile: String, balance: Int64 = 0, payPassword: String? = "pay_pass1"
    ) async throws -> MobileMember {
        let account = try await TestSessions.createAccount(mesh, mobile: mobile)
        let token = try await TestSessions.open(mesh, dialect: "mobile", account: account)
        if let payPassword {
            let client = MobileClient(mesh: mesh)
            let code = try await client.sendPhoneCode(mobile, type: "2")
            let set = try await client.call(
                "/mobile/member/paypwd",
                ["username": .string(mobile), "paypwd": .string(payPassword), "code": .string(code)], token: token)
            #expect(set["code"] == 200, "paypwd: \(set)")
        }
        if balance > 0 {
            let credited = try await AdminClient(mesh: mesh).internalCall(
                "user", "wallet.credit",
                ["account_id": .string(String(account)), "amount": .number(JSONNumber(balance))],
                idempotencyKey: "seed-\(account)")
            #expect(credited["kind"] == "ok", "\(credited)")
        }
        return MobileMember(account: account, token: token)
    }
}
