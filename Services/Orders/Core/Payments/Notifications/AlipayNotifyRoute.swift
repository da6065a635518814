import HTTPCore
import ServiceKit

/// `POST /notify/alipay`: Alipay's asynchronous notification, as the gateway passes it on from its public
/// path. It is verified first (`AlipayNotification`), then a payment is applied to its trade once
/// (`TradeBook`) and handed over to its business right away when it can be (else by the sweep). The
/// answer is the plain text Alipay expects: `success` once the payment is recorded, or was before, or
/// when the notification reports a status that changes nothing; `failure` for what cannot be believed or
/// applied, with nothing changed, so Alipay sends it again later. Refusals are logged with their reason
/// and the trade number, never the signature or the body.
enum AlipayNotifyRoute {
    static let bodyLimit = AlipayNotification.maximumBytes

    /// `alipay` is nil when Alipay is off: every notification is then answered `failure`.
    static func make(book: TradeBook, alipay: AlipaySettings?, handOver: PaymentHandOver) -> Route {
        let intake = PaymentIntake(book: book, handOver: handOver)
        return .post("/notify/alipay", bodyLimit: bodyLimit) { context in
            guard let alipay else {
                context.logger.warning("Alipay notification refused", [("reason", .string("Alipay is not configured"))])
                return reply(AlipayNotification.failure)
            }
            let payment: VerifiedPayment
            switch AlipayNotification.verify(context.request.body, account: alipay.account) {
            case .success(.payment(let verified)):
                payment = verified
            case .success(.status(let status, let tradeNo)):
                context.logger.info(
                    "Alipay notification acknowledged", [("trade", .string(tradeNo)), ("status", .string(status))])
                return reply(AlipayNotification.acknowledgement)
            case .failure(let refusal):
                context.logger.warning("Alipay notification refused", [("reason", .string(refusal.description))])
                return reply(AlipayNotification.failure)
            }
            guard
                try await intake.take(
                    payment, from: .alipay, logger: context.logger)
            else { return reply(AlipayNotification.failure) }
            return reply(AlipayNotification.acknowledgement)
        }
    }

    private static func reply(_ text: String) -> HTTPResponse {
        HTTPResponse(status: .ok, contentType: "text/plain; charset=utf-8", body: text)
    }
}
