import HTTPCore
import ServiceKit

/// `POST /notify/wechat-refund`: WeChat Pay's refund notification, as the gateway passes it on from
/// `/pay/wechat/refund-notify`. Its `req_info` must decrypt under our key and name a refund of ours with
/// its trade and amount; then the refund is settled once (`RefundLedger`) and the answer is `SUCCESS`
/// (also for a repeat); anything else is answered `FAIL` with nothing changed. A failed refund of a
/// recharge gives the balance back through the refund sweep.
enum WeChatPayRefundNotifyRoute {
    static func make(ledger: RefundLedger, merchant: WeChatPayMerchant) -> Route {
        .post("/notify/wechat-refund", bodyLimit: WeChatPayXML.maximumBytes) { context in
            let verified: VerifiedRefund
            switch WeChatPayRefundNotification.verify(context.request.body, merchant: merchant) {
            case .success(let refund): verified = refund
            case .failure(let refusal):
                context.logger.warning(
                    "WeChat Pay refund notification refused", [("reason", .string(refusal.description))])
                return reply(WeChatPayNotification.failure("notification refused"))
            }
            guard let refund = try await ledger.find(verified.refundNo, on: ledger.database),
                refund.tradeNo == verified.tradeNo, refund.amount == verified.amount, refund.provider == .wechat
            else {
                context.logger.warning(
                    "WeChat Pay refund notification matches no refund of ours", [("refund", .string(verified.refundNo))]
                )
                return reply(WeChatPayNotification.failure("no such refund"))
            }
            switch try await ledger.settle(
                verified.refundNo, succeeded: verified.succeeded, providerRefundID: verified.refundID,
                failure: verified.succeeded ? nil : "WeChat Pay could not make the refund")
            {
            case .success(let settled):
                if settled.changed {
                    context.logger.info(
                        "refund settled",
                        [("refund", .string(verified.refundNo)), ("state", .string(settled.refund.state.rawValue))])
                }
                return reply(WeChatPayNotification.acknowledgement)
            case .failure(let refusal):
                context.logger.warning(
                    "WeChat Pay refund notification not applied", [("reason", .string(refusal.description))])
                return reply(WeChatPayNotification.failure("notification not applied"))
            }
        }
    }

    private static func reply(_ xml: String) -> HTTPResponse {
        HTTPResponse(status: .ok, contentType: "text/xml; charset=utf-8", body: xml)
    }
}
