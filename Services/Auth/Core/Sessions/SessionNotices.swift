import Mesh
import ServiceKit

/// Tells the gateway, once a change is committed, that what it cached of an account's sessions is out
/// of date (a mobile or e-mail bound, a password changed, sessions ended), so the next call resolves
/// afresh and carries the new facts. A gateway that does not answer only keeps its short cache.
struct SessionNotices: Sendable {
    let mesh: MeshClient
    let logger: Logger

    func accountChanged(_ account: Int64) async {
        switch await mesh.call(SessionsForget.self, AccountRequest(accountID: account)) {
        case .ok: return
        case .refused(let reply):
            logger.warning("gateway refused to forget sessions", [("reason", .string(reply.message))])
        case .failed(let error):
            logger.warning("gateway not told to forget sessions", [("error", .string(error.description))])
        }
    }
}
