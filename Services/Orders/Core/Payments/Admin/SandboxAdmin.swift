import JSON
import ServiceKit

/// The payment simulator's admin operations (outside production only), doing what its pages do:
/// `sandbox.wechat.pay` `{"trade_no","outcome":"pay"|"fail"}` pays (or fails) the WeChat Pay order of a
/// trade and sends the notification; `sandbox.wechat.refund` `{"refund_no","outcome":"succeed"|"fail"}`
/// settles a refund WeChat Pay is processing and sends the refund notification.
struct SandboxAdmin: Sendable {
    let store: WeChatPaySandboxStore

    func register(on handlers: inout AdminHandlers) {
        let store = self.store
        handlers.on("sandbox.wechat.pay") { call in
            let tradeNo = try call.parameters.required("trade_no", maxLength: 32)
            let outcome = try call.parameters.choice("outcome", among: ["pay", "fail"]) ?? "pay"
            switch try await store.pay(tradeNo: tradeNo, succeeded: outcome == "pay") {
            case .done(let order):
                return .ok(["trade_no": .string(order.tradeNo), "state": .string(order.state)])
            case .unknownOrder:
                throw PlainRefusal.notFound(
                    "WeChat Pay has no order for trade \(tradeNo): get the payment parameters first")
            case .notPayable(let state):
                throw PlainRefusal(.invalidState, "WeChat Pay's order of trade \(tradeNo) is \(state)")
            }
        }
        handlers.on("sandbox.wechat.refund") { call in
            let refundNo = try call.parameters.required("refund_no", maxLength: 64)
            let outcome = try call.parameters.choice("outcome", among: ["succeed", "fail"]) ?? "succeed"
            guard try await store.settleRefund(refundNo, succeeded: outcome == "succeed") else {
                throw PlainRefusal.notFound("WeChat Pay is processing no refund \(refundNo)")
            }
            return .ok(["refund_no": .string(refundNo)])
        }
    }
}
