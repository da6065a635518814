import ServiceKit

/// Reads and verifies Alipay's asynchronous notification (a form POST) before anything looks at it: the
/// strict form, `sign_type` RSA2 and the signature with Alipay's public key over every parameter but
/// `sign` and `sign_type`, our app id, the configured seller id, then what it reports. `TRADE_SUCCESS`
/// and `TRADE_FINISHED` report a payment of `total_amount` (yuan, read as exact fen) for `out_trade_no`
/// under Alipay's `trade_no`; `WAIT_BUYER_PAY` and `TRADE_CLOSED` report nothing to apply and are only
/// acknowledged. The amount is compared with the trade's by the trade's state machine.
enum AlipayNotification {
    /// The largest body read; Alipay's notifications are a few kilobytes.
    static let maximumBytes = 64 * 1024
    /// The answer that stops Alipay from sending the notification again.
    static let acknowledgement = "success"
    /// Any other answer makes Alipay send it again later (for about a day).
    static let failure = "failure"

    /// What a believed notification says.
    enum Notice: Sendable, Equatable {
        /// A payment to apply to our trade.
        case payment(VerifiedPayment)
        /// A trade status that changes nothing here (`WAIT_BUYER_PAY`, `TRADE_CLOSED`).
        case status(String, tradeNo: String)
    }

    static let paidStatuses: Set<String> = ["TRADE_SUCCESS", "TRADE_FINISHED"]
    static let otherStatuses: Set<String> = ["WAIT_BUYER_PAY", "TRADE_CLOSED"]

    static func verify(_ body: [UInt8], account: AlipayAccount) -> Result<Notice, NotificationRefusal> {
        guard body.count <= maximumBytes else {
            return .failure(.malformed("the body is larger than \(maximumBytes) bytes"))
        }
        let fields: [String: String]
        do {
            fields = try AlipayForm.decode(body)
        } catch {
            return .failure(.malformed(error.reason))
        }
        guard fields["sign_type"] == "RSA2" else {
            return .failure(.malformed("sign_type must be RSA2"))
        }
        guard let sign = fields["sign"],
            AlipaySignature.verify(
                sign, of: Array(AlipaySignature.notificationContent(fields).utf8), key: account.alipayPublicKey)
        else { return .failure(.badSignature) }
        guard fields["app_id"] == account.appID else { return .failure(.foreignAccount(field: "app_id")) }
        if let sellerID = account.sellerID, fields["seller_id"] != sellerID {
            return .failure(.foreignAccount(field: "seller_id"))
        }
        guard let tradeNo = fields["out_trade_no"], (1...64).contains(tradeNo.utf8.count) else {
            return .failure(.malformed("out_trade_no is missing"))
        }
        let status = fields["trade_status"] ?? ""
        if otherStatuses.contains(status) { return .success(.status(status, tradeNo: tradeNo)) }
        guard paidStatuses.contains(status) else {
            return .failure(.notAPayment(status.isEmpty ? "no trade_status" : String(status.prefix(32))))
        }
        guard let transactionID = fields["trade_no"], (1...64).contains(transactionID.utf8.count) else {
            return .failure(.malformed("trade_no is missing"))
        }
        guard let amountText = fields["total_amount"], let amount = Yuan.fen(amountText), amount > 0 else {
            return .failure(.malformed("total_amount must be yuan above zero with at most two decimals"))
        }
        return .success(.payment(VerifiedPayment(tradeNo: tradeNo, amount: amount, transactionID: transactionID)))
    }
}
