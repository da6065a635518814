import JSON
import Mesh
import ServiceKit

/// The user detail of the app base API (document 003, `user.detail`).
struct YafUserOperations: Sendable {
    let domain: UserDomain

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(.yaf, "user.detail", access: .account) { call in
            try await operations.detail(call.account, call: call.mesh)
        }
    }

    /// The document's fields; a member who chose no nickname is shown by the masked mobile, as its
    /// example does.
    func detail(_ account: Int64, call: MeshCall) async throws -> CanonicalReply {
        let profile = try await domain.profiles.load(account)
        guard let facts = try await domain.accounts.facts(of: account, call: call) else {
            return .failure(.accountNotFound, "账号未注册")
        }
        let mobile = facts.mobile ?? ""
        return CanonicalReply(
            kind: .ok, message: "信息获取成功",
            data: .object([
                "mobile": .string(mobile),
                "open_id": .string(facts.publicID),
                "nickname": .string(profile.nickname ?? Self.maskedMobile(mobile)),
                "headimg": .string(profile.headImageURL ?? ""),
                "intro": .string(profile.intro),
                "c_time": .string(facts.registeredAt),
            ]))
    }

    /// `185****2692`: the first three and the last four digits.
    static func maskedMobile(_ mobile: String) -> String {
        guard mobile.count > 7 else { return mobile }
        return mobile.prefix(3) + "****" + mobile.suffix(4)
    }
}
