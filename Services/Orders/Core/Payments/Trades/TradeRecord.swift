import Foundation
import Postgres

/// What a trade pays for.
enum TradeBusiness: String, Sendable, CaseIterable {
    case train, o2o, recharge, phone
}

/// Who takes the payment.
enum PaymentProvider: String, Sendable, CaseIterable {
    case wechat, alipay
}

/// A trade as stored: our 20-digit trade number, the business object it pays, its owner, the amount in
/// fen, the provider (chosen when the payer starts paying; the paying one once it is paid), and where it
/// stands.
struct TradeRecord: Sendable, Equatable {
    static let columns = """
        id, trade_no, business, business_ref, account_id, amount, provider, state, transaction_id, prepay_id,
        prepared_until, prepay_app_id, created_at, expires_at
        """

    let id: Int64
    let tradeNo: String
    let business: TradeBusiness
    let businessRef: String
    let accountID: Int64
    let amount: Int64
    let provider: PaymentProvider?
    let state: TradeState
    let transactionID: String?
    /// WeChat Pay's prepay id of the trade's unified order, usable until `preparedUntil`.
    let prepayID: String?
    let preparedUntil: Date?
    /// The mini-program the prepay id was made for (nil for one made before this was recorded).
    let prepayAppID: String?
    let createdAt: Date
    /// When the trade closes unless it is paid before.
    let expiresAt: Date

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        tradeNo = try row.decode("trade_no")
        let businessText: String = try row.decode("business")
        let providerText: String? = try row.decode("provider")
        let stateText: String = try row.decode("state")
        guard let business = TradeBusiness(rawValue: businessText),
            providerText.map({ PaymentProvider(rawValue: $0) != nil }) ?? true,
            let state = TradeState(rawValue: stateText)
        else { throw TradeRecordBroken(tradeNo: try row.decode("trade_no")) }
        self.business = business
        self.provider = providerText.flatMap(PaymentProvider.init(rawValue:))
        self.state = state
        businessRef = try row.decode("business_ref")
        accountID = try row.decode("account_id")
        amount = try row.decode("amount")
        transactionID = try row.decode("transaction_id")
        prepayID = try row.decode("prepay_id")
        preparedUntil = try row.decode("prepared_until")
        prepayAppID = try row.decode("prepay_app_id")
        createdAt = try row.decode("created_at")
        expiresAt = try row.decode("expires_at")
    }
}

/// A stored trade holds a business, provider or state this code does not know: the table was changed by
/// something else.
struct TradeRecordBroken: Error, Sendable, CustomStringConvertible {
    let tradeNo: String

    var description: String { "trade \(tradeNo) has a business, provider or state this service does not know" }
}
