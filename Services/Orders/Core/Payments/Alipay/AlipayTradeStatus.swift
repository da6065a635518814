/// Where Alipay says one of our trades stands (`alipay.trade.query`).
enum AlipayTradeStatus: Sendable, Equatable {
    /// Alipay has no such trade (`ACQ.TRADE_NOT_EXIST`): the payer never reached the cashier.
    case notCreated
    /// `WAIT_BUYER_PAY`: opened on the cashier, not paid.
    case waitingForPayment
    /// `TRADE_SUCCESS` or `TRADE_FINISHED` (no longer refundable): paid `amount` fen under Alipay's
    /// `transactionID`.
    case paid(transactionID: String, amount: Int64, finished: Bool)
    /// `TRADE_CLOSED`: closed unpaid, or paid and refunded in full.
    case closed
}

/// What `alipay.trade.close` did.
enum AlipayCloseOutcome: Sendable, Equatable {
    case closed
    /// Alipay has no such trade, so nothing can be paid on it either.
    case notCreated
}

/// Alipay's answer to a refund (`alipay.trade.refund`, synchronous): whether this request moved money
/// (`fund_change` N: it was already applied under the same refund number, or nothing moved), and the
/// total refunded on the trade so far.
struct AlipayRefund: Sendable, Equatable {
    let transactionID: String
    let fundChanged: Bool
    let refundedTotal: Int64
}
