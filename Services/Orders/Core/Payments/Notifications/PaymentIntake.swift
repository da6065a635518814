import ServiceKit

/// What both providers' notification routes do with a verified payment: apply it to its trade once
/// (`TradeBook`) and hand a settled one over to its business right away (else the sweep does it).
struct PaymentIntake: Sendable {
    let book: TradeBook
    let handOver: PaymentHandOver

    /// Applies `payment` from `provider`; true when it is on record (now or before), so the provider may be
    /// told so, false when it cannot be applied (nothing changed).
    func take(_ payment: VerifiedPayment, from provider: PaymentProvider, logger: Logger) async throws -> Bool {
        switch try await book.confirmPayment(
            tradeNo: payment.tradeNo, amount: payment.amount, transactionID: payment.transactionID, provider: provider)
        {
        case .success(.settled(let trade)):
            logger.info("trade paid", [("trade", .string(trade.tradeNo)), ("provider", .string(provider.rawValue))])
            do {
                try await handOver.run(tradeNo: trade.tradeNo)
            } catch {
                logger.warning("hand-over deferred to the sweep", [("error", .string("\(error)"))])
            }
        case .success(.refundDue(let trade)):
            logger.warning("payment kept for refund", [("trade", .string(trade.tradeNo))])
        case .success(.alreadyApplied):
            break
        case .failure(let refusal):
            logger.warning(
                "\(provider.rawValue) payment not applied",
                [("trade", .string(payment.tradeNo)), ("reason", .string(refusal.description))])
            return false
        }
        return true
    }
}
