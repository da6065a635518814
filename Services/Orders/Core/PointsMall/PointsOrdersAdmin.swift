import JSON
import Mesh
import ServiceKit

/// The platform's handling of points-mall orders (`/admin/api/orders/{operation}`); each names the order by
/// `order_sn` or `order_id`:
/// - `points.orders.get`: the order as the customer sees it, where it stands inside the platform, and its
///   history;
/// - `points.orders.ship` `{"carrier"?,"tracking_no"?}`: an order awaiting shipment is shipped;
/// - `points.orders.complete`: a shipped order's goods arrived, the trade succeeded;
/// - `points.orders.close` `{"reason"?}`: an order awaiting shipment or shipped is closed, its coins added
///   back and its stock released, each exactly once even when closings run at once (the second is refused);
///   a give-back a service could not take now is finished by the sweep (`returns_pending`).
/// Moves the state machine does not allow are refused with `invalid_state`.
struct PointsOrdersAdmin: Sendable {
    let placement: PointsOrderPlacement

    var book: PointsOrderBook { placement.book }
    var time: DisplayTime { placement.time }

    func register(on handlers: inout AdminHandlers) {
        let admin = self
        handlers.on("points.orders.get") { call in
            let order = try await admin.order(call)
            var json = PointsOrderJSON.admin(order, time: admin.time)
            json["history"] = .array(
                try await admin.book.history(of: order.id).map { change in
                    [
                        "from": .optional(change.from), "to": .string(change.to), "actor": .string(change.actor),
                        "note": .string(change.note), "at": .string(admin.time.format(change.at)),
                    ]
                })
            return .ok(.object(json))
        }
        handlers.on("points.orders.ship") { call in
            var details = PointsOrderBook.MoveDetails()
            details.carrier = try call.parameters.text("carrier", maxLength: 64)
            details.trackingNo = try call.parameters.text("tracking_no", maxLength: 64)
            return try await admin.move(call, .shipped, details: details)
        }
        handlers.on("points.orders.complete") { call in try await admin.move(call, .completed) }
        handlers.on("points.orders.close") { call in
            var details = PointsOrderBook.MoveDetails()
            details.note = try call.parameters.text("reason", maxLength: 200) ?? ""
            return try await admin.move(call, .closed, details: details)
        }
    }

    private func order(_ call: AdminCall) async throws -> PointsOrderRecord {
        let id = try call.parameters.integer("order_id", in: 1...Int64.max)
        let orderSN = try call.parameters.text("order_sn", maxLength: 32)
        guard id != nil || orderSN != nil else { throw InputProblem("order_sn", .missing) }
        guard let order = try await book.find(id: id, orderSN: orderSN) else {
            throw PlainRefusal.notFound("no points order \(orderSN ?? id.map(String.init) ?? "")")
        }
        return order
    }

    private func move(
        _ call: AdminCall, _ event: PointsOrderState.Event, details: PointsOrderBook.MoveDetails = .init()
    ) async throws -> CanonicalReply {
        let order = try await order(call)
        switch try await book.apply(event, toOrder: order.id, actor: "admin:\(call.adminID)", details: details) {
        case .failure(let refusal): throw PlainRefusal(.invalidState, refusal.description)
        case .success(let moved):
            var after = moved.order
            if moved.decision.effects.contains(.giveBack) {
                do {
                    try await placement.settle(after)
                    after = try await book.find(id: order.id) ?? after
                } catch {
                    call.context.logger.warning(
                        "closed points order not given back yet; the sweep finishes it",
                        [("order", .string(order.orderSN)), ("error", .string("\(error)"))])
                }
            }
            return .ok(.object(PointsOrderJSON.admin(after, time: time)))
        }
    }
}
