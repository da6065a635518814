import Mesh
import ServiceKit

/// What the user service asks the orders service: an account's orders by stage (`orders.counts`).
struct OrderCountsDirectory: Sendable {
    let mesh: MeshClient

    func counts(of account: Int64, requestID: String?) async throws(UpstreamFailure) -> OrdersCounts.Reply {
        switch await mesh.call(OrdersCounts.self, AccountRequest(accountID: account), requestID: requestID) {
        case .ok(let reply): return reply
        case .refused(let reply): throw UpstreamFailure(contract: OrdersCounts.self, refusal: reply)
        case .failed(let error): throw UpstreamFailure(contract: OrdersCounts.self, error: error)
        }
    }
}
