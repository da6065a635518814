import HTTPCore
import ServiceKit

/// `POST /notify/wechat`: WeChat Pay's payment notification, as the gateway passes it on from its
/// public path. It is verified first (`WeChatPayNotification`), then applied to its trade once
/// (`TradeBook`) and handed over to its business right away when it can be (else by the sweep); the answer is the XML WeChat Pay expects: `SUCCESS` once the payment is recorded,
/// or was before, so WeChat Pay stops repeating it, and for a genuine report of a failed payment (nothing
/// to record); `FAIL` for what cannot be believed or applied, with nothing changed.
enum WeChatPayNotifyRoute {
    static let bodyLimit = WeChatPayXML.maximumBytes

    static func make(book: TradeBook, merchant: WeChatPayMerchant, handOver: PaymentHandOver) -> Route {
        let intake = PaymentIntake(book: book, handOver: handOver)
        return .post("/notify/wechat", bodyLimit: bodyLimit) { context in
            let payment: VerifiedPayment
            switch WeChatPayNotification.verify(context.request.body, merchant: merchant) {
            case .success(let verified): payment = verified
            case .failure(.notAPayment(let code)):
                context.logger.info("WeChat Pay reports a payment that did not happen", [("result", .string(code))])
                return reply(WeChatPayNotification.acknowledgement)
            case .failure(let refusal):
                context.logger.warning("WeChat Pay notification refused", [("reason", .string(refusal.description))])
                return reply(WeChatPayNotification.failure("notification refused"))
            }
            guard
                try await intake.take(
                    payment, from: .wechat, logger: context.logger)
            else { return reply(WeChatPayNotification.failure("notification not applied")) }
            return reply(WeChatPayNotification.acknowledgement)
        }
    }

    private static func reply(_ xml: String) -> HTTPResponse {
        HTTPResponse(status: .ok, contentType: "text/xml; charset=utf-8", body: xml)
    }
}
