import JSON
import ServiceKit

/// The Alipay simulator's admin operation (outside production only), for people and tests that pay
/// without clicking: `sandbox.alipay.pay` `{"trade_no": our trade number, "outcome": "pay" | "fail"}` does
/// what the cashier's buttons do, once the cashier page of that trade was opened (the simulator knows a
/// trade only from its page-pay request). Answers the simulated trade's numbers and status.
struct AlipaySandboxAdmin: Sendable {
    let sandbox: AlipaySandbox

    func register(on handlers: inout AdminHandlers) {
        let sandbox = self.sandbox
        handlers.on("sandbox.alipay.pay") { call in
            let tradeNo = try call.parameters.required("trade_no", maxLength: 64)
            guard let outcome = try call.parameters.choice("outcome", among: ["pay", "fail"]) else {
                throw PlainRefusal.missing("outcome")
            }
            switch try await sandbox.settle(outTradeNo: tradeNo, outcome: AlipaySandboxOutcome(rawValue: outcome)!) {
            case .success(let trade):
                return .ok([
                    "trade_no": .string(trade.outTradeNo), "alipay_trade_no": .string(trade.tradeNo),
                    "trade_status": .string(trade.state),
                ])
            case .failure(let problem):
                throw PlainRefusal(
                    problem == .notFound ? .notFound : .invalidState, "\(problem.subCode) \(problem.message)")
            }
        }
    }
}
