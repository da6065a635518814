import Catalog
import JSON
import Mesh
import ServiceKit

/// What the auth service knows of an account that the user service shows: its mobile, e-mail,
/// public open id and registration time.
struct AccountFacts: Sendable, Equatable {
    let accountID: Int64
    let mobile: String?
    let email: String?
    let openID: String
    /// `yyyy-MM-dd HH:mm:ss`, as the auth service renders it.
    let registeredAt: String
}

/// Reads account facts from the auth service (`POST /internal/accounts.get`).
struct AccountDirectory: Sendable {
    let mesh: MeshClient

    /// The facts of `account`; nil when the auth service has no such account.
    func facts(of account: Int64, requestID: String?) async throws(UpstreamFailure) -> AccountFacts? {
        let reply: CanonicalReply
        do {
            reply = try await mesh.call(
                .auth, "accounts.get", ["account_id": .string(String(account))], requestID: requestID)
        } catch {
            throw UpstreamFailure(service: .auth, operation: "accounts.get", detail: error.description)
        }
        if reply.kind == .notFound || reply.kind == .accountNotFound { return nil }
        guard reply.kind == .ok, let data = reply.data, let openID = data["open_id"]?.stringValue else {
            throw UpstreamFailure(
                service: .auth, operation: "accounts.get", detail: "answered \(reply.kind): \(reply.message)")
        }
        return AccountFacts(
            accountID: account, mobile: data["mobile"]?.stringValue, email: data["email"]?.stringValue,
            openID: openID, registeredAt: data["registered_at"]?.stringValue ?? "")
    }
}
