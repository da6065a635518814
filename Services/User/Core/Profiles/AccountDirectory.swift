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
        switch await mesh.call(AccountsGet.self, AccountRequest(accountID: account), requestID: requestID) {
        case .ok(let reply):
            return AccountFacts(
                accountID: account, mobile: reply.mobile, email: reply.email, openID: reply.openID,
                registeredAt: reply.registeredAt)
        case .refused(let reply) where reply.kind == .notFound || reply.kind == .accountNotFound:
            return nil
        case .refused(let reply):
            throw UpstreamFailure(contract: AccountsGet.self, refusal: reply)
        case .failed(let error):
            throw UpstreamFailure(contract: AccountsGet.self, error: error)
        }
    }
}
