import JSON
import Mesh
import ServiceKit

/// Admin operations on merchants' staff: `merchants.staff.add` and `merchants.staff.remove`
/// (`merchant_id`, `account_id`) link and unlink an account that redeems the merchant's codes;
/// `merchants.staff.list` (`merchant_id`) answers `{"merchant_id","account_ids":[…]}`.
struct StaffAdmin: Sendable {
    let staff: MerchantStaffDirectory

    func register(on handlers: inout AdminHandlers) {
        let admin = self
        handlers.on("merchants.staff.add") { call in
            let merchant = try call.parameters.id("merchant_id")
            let account = try call.parameters.id("account_id")
            guard try await admin.staff.add(account: account, merchant: merchant, actor: Parameters.actor(call.adminID))
            else { throw PlainRefusal.notFound("no merchant with merchant_id \(merchant)") }
            return try await admin.list(merchant)
        }
        handlers.on("merchants.staff.remove") { call in
            let merchant = try call.parameters.id("merchant_id")
            let account = try call.parameters.id("account_id")
            guard try await admin.staff.remove(account: account, merchant: merchant) else {
                throw PlainRefusal.notFound("account \(account) is not staff of merchant \(merchant)")
            }
            return try await admin.list(merchant)
        }
        handlers.on("merchants.staff.list") { call in try await admin.list(try call.parameters.id("merchant_id")) }
    }

    private func list(_ merchant: Int64) async throws -> CanonicalReply {
        .ok([
            "merchant_id": .integer(merchant),
            "account_ids": .array(try await staff.staff(of: merchant).map(JSONValue.integer)),
        ])
    }
}
