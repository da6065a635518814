import Foundation

/// What the platform asks of WeChat Pay's unified order (JSAPI): the trade, what it is for, the payer's
/// open id in the app, the payer's address, where the notification goes, and until when it may be paid.
struct WeChatPayOrderRequest: Sendable, Equatable {
    let tradeNo: String
    let amount: Int64
    let description: String
    let openID: String?
    let clientIP: String
    let notifyURL: String
    let expires: Date
}

/// An order's state as WeChat Pay's order query answers it (`trade_state`).
enum WeChatPayTradeState: String, Sendable, CaseIterable {
    case success = "SUCCESS"
    case refund = "REFUND"
    case notPaid = "NOTPAY"
    case closed = "CLOSED"
    case revoked = "REVOKED"
    case paying = "USERPAYING"
    case payError = "PAYERROR"
}

/// WeChat Pay's view of one order: its state, and for a paid one the transaction and amount.
struct WeChatPayOrderStatus: Sendable, Equatable {
    let tradeNo: String
    let state: WeChatPayTradeState
    let transactionID: String?
    let amount: Int64?
}

/// A refund to ask of WeChat Pay: of `amount` fen out of the payment's `paidAmount`, under our number.
struct WeChatPayRefundRequest: Sendable, Equatable {
    let tradeNo: String
    let refundNo: String
    let paidAmount: Int64
    let amount: Int64
    let notifyURL: String
}
