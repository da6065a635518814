import JSON
import ServiceKit

/// The payments' admin operations (`/admin/api/orders/{operation}` on the gateway):
/// - `payments.trade` `{"trade_no"}`: the trade with its refunds;
/// - `payments.refund` `{"trade_no","refund_no","amount","reason"?}`: refunds `amount` fen of a paid trade
///   (the same number again answers the same refund; never more than was paid);
/// - `payments.reconcile` `{"hours"?,"limit"?}`: the trades whose state here differs from the provider's;
/// - `payments.reapply` `{"trade_no"}`: applies the payment the provider has for a trade whose notification
///   was missed.
struct PaymentsAdmin: Sendable {
    let book: TradeBook
    let ledger: RefundLedger
    let reconciler: Reconciler

    func register(on handlers: inout AdminHandlers) {
        let admin = self
        handlers.on("payments.trade") { call in
            let tradeNo = try call.parameters.required("trade_no", maxLength: 32)
            guard let trade = try await admin.book.find(tradeNo) else {
                throw PlainRefusal.notFound("no trade \(tradeNo)")
            }
            let refunds = try await admin.ledger.refunds(ofTrade: tradeNo)
            return .ok([
                "trade_no": .string(trade.tradeNo), "business": .string(trade.business.rawValue),
                "business_ref": .string(trade.businessRef), "account_id": .id(trade.accountID),
                "amount": .integer(trade.amount), "provider": trade.provider.map { .string($0.rawValue) } ?? .null,
                "state": .string(trade.state.rawValue),
                "transaction_id": trade.transactionID.map(JSONValue.string) ?? .null,
                "refunds": .array(refunds.map(Self.json)),
            ])
        }
        handlers.on("payments.refund") { call in
            let tradeNo = try call.parameters.required("trade_no", maxLength: 32)
            let refundNo = try call.parameters.required("refund_no", maxLength: 64)
            let amount = try call.parameters.requiredPositiveInteger("amount", maximum: 1_000_000_000_000)
            let reason = try call.parameters.text("reason", maxLength: 200) ?? ""
            switch try await admin.ledger.ask(tradeNo: tradeNo, refundNo: refundNo, amount: amount, reason: reason) {
            case .success(let refund): return .ok(Self.json(refund))
            case .failure(.unknownTrade): throw PlainRefusal.notFound("no trade \(tradeNo)")
            case .failure(let refusal): throw PlainRefusal(.invalidState, refusal.description)
            }
        }
        handlers.on("payments.reconcile") { call in
            let hours = try call.parameters.integer("hours", in: 1...720) ?? 24
            let limit = try call.parameters.integer("limit", in: 1...1000) ?? 100
            let differences = try await admin.reconciler.differences(hours: Int(hours), limit: Int(limit))
            return .ok([
                "differences": .array(
                    differences.map {
                        [
                            "trade_no": .string($0.tradeNo), "here": .string($0.here.rawValue),
                            "provider": .string($0.provider), "note": .string($0.note),
                        ]
                    })
            ])
        }
        handlers.on("payments.reapply") { call in
            let tradeNo = try call.parameters.required("trade_no", maxLength: 32)
            switch try await admin.reconciler.reapply(tradeNo: tradeNo) {
            case .success(.settled(let trade)): return .ok(["trade_no": .string(trade.tradeNo), "outcome": "paid"])
            case .success(.refundDue(let trade)):
                return .ok(["trade_no": .string(trade.tradeNo), "outcome": "refund_due"])
            case .success(.alreadyApplied(let trade)):
                return .ok(["trade_no": .string(trade.tradeNo), "outcome": "already_applied"])
            case .failure(.unknownTrade): throw PlainRefusal.notFound("no trade \(tradeNo)")
            case .failure(let refusal): throw PlainRefusal(.invalidState, refusal.description)
            }
        }
    }

    static func json(_ refund: StoredRefund) -> JSONValue {
        [
            "refund_no": .string(refund.refundNo), "trade_no": .string(refund.tradeNo),
            "amount": .integer(refund.amount),
            "state": .string(refund.state.rawValue),
            "provider_refund_id": refund.providerRefundID.map(JSONValue.string) ?? .null,
        ]
    }
}
