import Foundation
import JSON
import Mesh
import ServiceKit

/// The mobile mall's payment with Alipay (document 004, 10.6 `alipay/bankspay`): the member's own open
/// trade (`trade_no`, from `member/recharge`) is to be paid with Alipay, and the browser is sent on to
/// Alipay's cashier with the signed `alipay.trade.page.pay` request (a `302`, from the reply's
/// `location`). A trade that is not the member's, is paid or is closed is refused in the mobile
/// dialect's words; with Alipay off (production without its settings) the operation says so.
struct MobileAlipayOperations: Sendable {
    let book: TradeBook
    let alipay: AlipaySettings?

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(.mobile, "alipay/bankspay", access: .account) { call in
            try await operations.pay(call)
        }
    }

    func pay(_ call: OperationCall, now: Date = Date()) async throws -> CanonicalReply {
        let tradeNo = try call.parameters.required("trade_no", maxLength: 32)
        guard let alipay else { throw PlainRefusal(.notImplemented, "支付宝支付暂未开通") }
        switch try await book.checkout(tradeNo, accountID: call.account, provider: .alipay) {
        case .success(let trade):
            let location = try AlipayPagePay.url(for: AlipayOrder(trade: trade), settings: alipay, now: now)
            return .ok(["location": .string(location)])
        case .failure(let refusal):
            throw Self.refusal(refusal)
        }
    }

    /// The words `weixin/pay/get_jsapi_package` uses for the same refusals.
    static func refusal(_ refusal: CheckoutRefusal) -> PlainRefusal {
        switch refusal {
        case .unknownTrade: PlainRefusal.notFound("交易不存在")
        case .alreadyPaid: PlainRefusal(.invalidState, "交易已支付")
        case .closed: PlainRefusal(.invalidState, "交易已关闭，请重新发起充值")
        }
    }
}
