import Mesh
import ServiceKit

/// The operations other services call on the orders service's `POST /internal/{name}`:
///
/// - `orders.counts` (`OrdersCounts`): an account's orders by stage, for the mobile mall's member
///   centre.
struct OrdersInternalOperations: Sendable {
    let counter: OrderCounter

    func register(on handlers: inout InternalHandlers) {
        let counter = self.counter
        handlers.on(OrdersCounts.self) { request, _, _ in .ok(try await counter.counts(of: request.accountID)) }
    }
}
