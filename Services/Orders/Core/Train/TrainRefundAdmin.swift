import JSON
import Mesh
import ServiceKit

/// The platform's review of train tickets and refunds and its order search (`/admin/api/orders/{operation}`):
/// - `train.orders.get` `{"order_no"}`: the order with its history;
/// - `train.orders.find` `{"passenger"?,"merchant_id"?,"state"?,"page"?,"page_size"?}`: the orders of a
///   passenger (name or whole identity number), a merchant and/or a state, newest first;
/// - `train.tickets.pass` `{"order_id"}`: the submitted ticket is right (`wait_confirme`, for the customer to
///   confirm within `TRAIN_CONFIRM_WINDOW_SECONDS`); `train.tickets.reject` `{"order_id","reason"}`: back to
///   the merchant (`robing`) with the reason;
/// - `train.refunds.review` `{"order_id"}`: a requested refund (`returning_amount`) goes under review
///   (`returned_audit`);
/// - `train.refunds.approve` `{"order_id"}`: the whole payment is refunded through its provider (refund
///   number `return-<order number>`); the order becomes `returned_amount` once the provider made it;
/// - `train.refunds.reject` `{"order_id","reason"}`: the refund is refused (`returned_return` in the
///   history) and the order goes on where it was.
struct TrainRefundAdmin: Sendable {
    let orders: TrainOrderBook
    let ledger: RefundLedger
    let settings: TrainSettings

    func register(on handlers: inout AdminHandlers) {
        let admin = self
        handlers.on("train.orders.get") { call in
            let orderNo = try call.parameters.required("order_no", maxLength: 22)
            guard let order = try await admin.orders.find(orderNo: orderNo) else {
                throw PlainRefusal.notFound("no train order \(orderNo)")
            }
            let history = try await admin.orders.history(of: order.id)
            var json = TrainOrderJSON.order(order)
            json["history"] = .array(history)
            json["tradeNo"] = .string(order.tradeNo)
            return .ok(.object(json))
        }
        handlers.on("train.orders.find") { call in
            let stateText = try call.parameters.text("state", maxLength: 20)
            var search = TrainOrderBook.Search()
            search.passenger = try call.parameters.text("passenger", maxLength: 64)
            search.merchantID = try call.parameters.integer("merchant_id", in: 1...Int64.max)
            if let stateText {
                guard let state = TrainOrderState(rawValue: stateText) else {
                    throw PlainRefusal.invalid("state must be one of the document's order states")
                }
                search.state = state
            }
            let page = Int(try call.parameters.integer("page", in: 1...100_000) ?? 1)
            let size = Int(try call.parameters.integer("page_size", in: 1...100) ?? 20)
            let (total, found) = try await admin.orders.search(search, page: page, size: size)
            return .ok([
                "total": .integer(total),
                "orders": .array(
                    found.map { order in
                        var json = TrainOrderJSON.order(order)
                        json["merchantId"] = order.merchantID.map(JSONValue.id) ?? .null
                        json["tradeNo"] = .string(order.tradeNo)
                        return .object(json)
                    }),
            ])
        }
        handlers.on("train.tickets.pass") { call in
            try await admin.move(call, .auditPassed)
        }
        handlers.on("train.tickets.reject") { call in
            try await admin.move(call, .auditRejected, note: try call.parameters.required("reason", maxLength: 200))
        }
        handlers.on("train.refunds.review") { call in
            try await admin.move(call, .refundReviewed)
        }
        handlers.on("train.refunds.approve") { call in
            let id = try call.parameters.id("order_id")
            guard let order = try await admin.orders.find(id: id) else { throw PlainRefusal.notFound("no order \(id)") }
            guard order.state == .returnedAudit else {
                throw PlainRefusal(.invalidState, "the order is \(order.state.rawValue), not under refund review")
            }
            switch try await admin.ledger.ask(
                tradeNo: order.tradeNo, refundNo: "return-\(order.orderNo)", amount: order.amount, reason: "退款审核通过")
            {
            case .success(let refund): return .ok(PaymentsAdmin.json(refund))
            case .failure(let refusal): throw PlainRefusal(.invalidState, refusal.description)
            }
        }
        handlers.on("train.refunds.reject") { call in
            try await admin.move(call, .refundRejected, note: try call.parameters.required("reason", maxLength: 200))
        }
    }

    private func move(
        _ call: AdminCall, _ event: TrainOrderState.Event, note: String = ""
    ) async throws -> CanonicalReply {
        let id = try call.parameters.id("order_id")
        guard try await orders.find(id: id) != nil else { throw PlainRefusal.notFound("no order \(id)") }
        switch try await orders.apply(
            event, toOrder: id, actor: "admin:\(call.adminID)", note: note, confirmWindow: settings.confirmWindow)
        {
        case .success(let moved): return .ok(["order_id": .id(id), "orderStatus": .string(moved.order.state.rawValue)])
        case .failure(let refusal): throw PlainRefusal(.invalidState, refusal.description)
        }
    }
}
