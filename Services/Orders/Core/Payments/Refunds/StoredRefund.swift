import Postgres

/// A refund as stored, with what it refunds: the payment (its provider, transaction and amount) and the
/// trade (number, business, owner).
struct StoredRefund: Sendable, Equatable {
    static let columns = """
        r.id, r.refund_no, r.amount, r.state, r.provider_refund_id, r.business_taken_at IS NOT NULL AS business_taken,
        p.id AS payment_id, p.amount AS paid, p.provider, p.transaction_id, p.disposition,
        t.trade_no, t.business, t.account_id
        """
    static let joins = """
        orders.refunds r JOIN orders.trade_payments p ON p.id = r.payment_id JOIN orders.trades t ON t.id = p.trade_id
        """

    let id: Int64
    let refundNo: String
    let amount: Int64
    let state: RefundBook.State
    let providerRefundID: String?
    /// Whether the business already gave the amount up (a recharge's balance debited).
    let businessTaken: Bool
    let paymentID: Int64
    let paid: Int64
    let provider: PaymentProvider
    let transactionID: String
    /// Whether the payment paid its trade (`settled`) or was kept to be given back (`refund_due`).
    let paymentSettled: Bool
    let tradeNo: String
    let business: TradeBusiness
    let accountID: Int64

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        refundNo = try row.decode("refund_no")
        amount = try row.decode("amount")
        let stateText: String = try row.decode("state")
        let providerText: String = try row.decode("provider")
        let businessText: String = try row.decode("business")
        guard let state = RefundBook.State(rawValue: stateText), let provider = PaymentProvider(rawValue: providerText),
            let business = TradeBusiness(rawValue: businessText)
        else { throw TradeRecordBroken(tradeNo: try row.decode("trade_no")) }
        self.state = state
        self.provider = provider
        self.business = business
        providerRefundID = try row.decode("provider_refund_id")
        businessTaken = try row.decode("business_taken")
        paymentID = try row.decode("payment_id")
        paid = try row.decode("paid")
        transactionID = try row.decode("transaction_id")
        paymentSettled = try row.decode("disposition", as: String.self) == "settled"
        tradeNo = try row.decode("trade_no")
        accountID = try row.decode("account_id")
    }

    /// Whether the refund must first take the amount back from the business: a recharge's balance was
    /// credited when its payment settled.
    var takesFromBusiness: Bool { paymentSettled && business == .recharge }
}
