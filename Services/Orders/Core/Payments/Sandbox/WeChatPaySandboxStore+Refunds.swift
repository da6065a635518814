import Crypto
import Foundation
import Postgres
import ServiceKit

extension WeChatPaySandboxStore {
    /// What asking the simulated WeChat Pay for a refund came to.
    enum RefundTaking: Sendable, Equatable {
        case taken(refundID: String)
        case refused(code: String, description: String)
    }

    /// Takes a refund of `refundFee` fen of the paid order `tradeNo` under the merchant's `refundNo`, as
    /// WeChat Pay does: the same number again answers the same refund; the refunds never exceed the
    /// payment. It settles by itself after the configured delay, or when told.
    func refund(
        tradeNo: String, refundNo: String, totalFee: Int64, refundFee: Int64, notifyURL: String
    ) async throws -> RefundTaking {
        let refundID = "5030" + SecureRandom.digits(24)
        let settleSeconds =
            Double(settings.refundSettleDelay.components.seconds)
            + Double(settings.refundSettleDelay.components.attoseconds) / 1e18
        return try await database.transaction { transaction in
            let orders = try await transaction.query(
                """
                SELECT \(unsafeSQL: WeChatPaySandboxOrder.columns) FROM orders.sandbox_wechat_orders
                 WHERE mch_id = \(merchant.merchantID) AND out_trade_no = \(tradeNo) FOR UPDATE
                """)
            guard let row = orders.first else { return .refused(code: "ORDERNOTEXIST", description: "订单不存在") }
            let order = try WeChatPaySandboxOrder(row: row)
            guard let transactionID = order.transactionID, order.state == "SUCCESS" || order.state == "REFUND" else {
                return .refused(code: "TRADE_STATE_ERROR", description: "订单状态错误")
            }
            let earlier = try await transaction.query(
                """
                SELECT refund_id, refund_fee FROM orders.sandbox_wechat_refunds
                 WHERE mch_id = \(merchant.merchantID) AND out_refund_no = \(refundNo)
                """)
            if let row = earlier.first {
                guard try row.decode("refund_fee", as: Int64.self) == refundFee else {
                    return .refused(code: "INVALID_REQUEST", description: "退款单号重复，退款金额不一致")
                }
                return .taken(refundID: try row.decode("refund_id"))
            }
            guard totalFee == order.amount else {
                return .refused(code: "PARAM_ERROR", description: "订单金额或退款金额与之前请求不一致")
            }
            let held = try await transaction.query(
                """
                SELECT coalesce(sum(refund_fee), 0)::bigint AS held FROM orders.sandbox_wechat_refunds
                 WHERE mch_id = \(merchant.merchantID) AND out_trade_no = \(tradeNo) AND state <> 'CHANGE'
                """)[0].decode("held", as: Int64.self)
            guard refundFee > 0, held + refundFee <= order.amount else {
                return .refused(code: "NOTENOUGH", description: "退款金额大于可退金额")
            }
            try await transaction.execute(
                """
                INSERT INTO orders.sandbox_wechat_refunds
                       (refund_id, mch_id, out_refund_no, out_trade_no, transaction_id, total_fee, refund_fee,
                        notify_url, settles_at)
                VALUES (\(refundID), \(merchant.merchantID), \(refundNo), \(tradeNo), \(transactionID),
                        \(order.amount), \(refundFee), \(notifyURL),
                        now() + make_interval(secs => \(settleSeconds)))
                """)
            try await transaction.execute(
                "UPDATE orders.sandbox_wechat_orders SET state = 'REFUND' WHERE prepay_id = \(order.prepayID)")
            return .taken(refundID: refundID)
        }
    }

    /// Settles the processing refund `refundNo` (`succeeded`, or `CHANGE` — WeChat Pay's word for a
    /// refund that could not be made) and queues its notification; false when there is no such refund
    /// still processing.
    func settleRefund(_ refundNo: String, succeeded: Bool) async throws -> Bool {
        try await database.transaction { transaction in
            let rows = try await transaction.query(
                """
                UPDATE orders.sandbox_wechat_refunds SET state = \(succeeded ? "SUCCESS" : "CHANGE")
                 WHERE mch_id = \(merchant.merchantID) AND out_refund_no = \(refundNo) AND state = 'PROCESSING'
                RETURNING refund_id, out_refund_no, out_trade_no, transaction_id, total_fee, refund_fee, notify_url,
                          state
                """)
            guard let row = rows.first else { return false }
            if let letter = try refundNotification(row) { try await SandboxCourier.post(letter, on: transaction) }
            return true
        }
    }

    /// Settles (as succeeded) up to `limit` refunds whose delay is over; answers how many.
    @discardableResult
    func settleDueRefunds(limit: Int) async throws -> Int {
        let due = try await database.query(
            """
            SELECT out_refund_no FROM orders.sandbox_wechat_refunds
             WHERE state = 'PROCESSING' AND settles_at <= now() ORDER BY settles_at LIMIT \(limit)
            """)
        var settled = 0
        for row in due where try await settleRefund(try row.decode("out_refund_no"), succeeded: true) {
            settled += 1
        }
        return settled
    }

    /// The refund notification for a settled refund row; nil when the merchant gave no notify URL.
    private func refundNotification(_ row: PostgresRow) throws -> SandboxLetter? {
        let notifyURL: String = try row.decode("notify_url")
        guard !notifyURL.isEmpty else { return nil }
        let details: [String: String] = [
            "transaction_id": try row.decode("transaction_id"), "out_trade_no": try row.decode("out_trade_no"),
            "refund_id": try row.decode("refund_id"), "out_refund_no": try row.decode("out_refund_no"),
            "total_fee": String(try row.decode("total_fee", as: Int64.self)),
            "refund_fee": String(try row.decode("refund_fee", as: Int64.self)),
            "settlement_refund_fee": String(try row.decode("refund_fee", as: Int64.self)),
            "refund_status": try row.decode("state"), "success_time": DisplayTime.china.format(Date()),
            "refund_recv_accout": "支付用户零钱", "refund_account": "REFUND_SOURCE_RECHARGE_FUNDS",
            "refund_request_source": "API",
        ]
        let encrypted = try AES256ECB.encrypt(
            Array(WeChatPayXML.encode(details, root: "root").utf8), key: WeChatPayRefundNotification.key(merchant))
        let fields = [
            "return_code": "SUCCESS", "appid": merchant.appID, "mch_id": merchant.merchantID,
            "nonce_str": SecureRandom.token(bytes: 12), "req_info": Base64.encode(encrypted),
        ]
        return SandboxLetter(
            provider: .wechat, url: notifyURL, contentType: "text/xml; charset=utf-8",
            body: Array(WeChatPayXML.encode(fields).utf8))
    }
}
