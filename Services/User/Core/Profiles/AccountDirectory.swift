import Catalog
import JSON
import Mesh
import ServiceKit

/// The facts auth keeps of accounts: the caller's own come with the call (`CallerIdentity.facts`), so
/// only another account's are asked of auth (`POST /internal/accounts.get`).
struct AccountDirectory: Sendable {
    let mesh: MeshClient

    /// The facts of `account`; nil when the auth service has no such account.
    func facts(of account: Int64, call: MeshCall) async throws(UpstreamFailure) -> AccountFacts? {
        if call.accountID == account, let facts = call.caller?.facts {
            return facts
        }
        switch await mesh.call(AccountsGet.self, AccountRequest(accountID: account), requestID: call.requestID) {
        case .ok(let reply):
            return AccountFacts(
                mobile: reply.mobile, email: reply.email, publicID: reply.openID, registeredAt: reply.registeredAt)
        case .refused(let reply) where reply.kind == .notFound || reply.kind == .accountNotFound:
            return nil
        case .refused(let reply):
            throw UpstreamFailure(contract: AccountsGet.self, refusal: reply)
        case .failed(let error):
            throw UpstreamFailure(contract: AccountsGet.self, error: error)
        }
    }
}
