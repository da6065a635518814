import Postgres

/// An order as the simulated WeChat Pay keeps it.
struct WeChatPaySandboxOrder: Sendable, Equatable {
    static let columns =
        "prepay_id, app_id, mch_id, out_trade_no, total_fee, body, openid, trade_type, notify_url, state, transaction_id"

    let prepayID: String
    let appID: String
    let merchantID: String
    let tradeNo: String
    let amount: Int64
    let description: String
    let openID: String
    let tradeType: String
    let notifyURL: String
    /// `NOTPAY`, `SUCCESS`, `CLOSED`, `PAYERROR` or `REFUND`.
    let state: String
    let transactionID: String?

    init(row: PostgresRow) throws {
        prepayID = try row.decode("prepay_id")
        appID = try row.decode("app_id")
        merchantID = try row.decode("mch_id")
        tradeNo = try row.decode("out_trade_no")
        amount = try row.decode("total_fee")
        description = try row.decode("body")
        openID = try row.decode("openid")
        tradeType = try row.decode("trade_type")
        notifyURL = try row.decode("notify_url")
        state = try row.decode("state")
        transactionID = try row.decode("transaction_id")
    }
}
