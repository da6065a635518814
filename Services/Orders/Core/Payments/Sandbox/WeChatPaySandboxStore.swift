import Crypto
import Foundation
import Postgres
import ServiceKit

/// What the simulated WeChat Pay does with its orders and refunds: places, finds, closes and pays orders,
/// takes and settles refunds, and queues the notifications WeChat Pay sends (the payment notification
/// signed with the merchant's key; the refund notification with its `req_info` encrypted under the MD5
/// of the key, AES-256-ECB, as WeChat Pay does).
struct WeChatPaySandboxStore: Sendable {
    /// What placing an order came to.
    enum Placement: Sendable, Equatable {
        case placed(prepayID: String)
        case refused(code: String, description: String)
    }

    /// What a pay or fail action came to.
    enum Action: Sendable, Equatable {
        case done(WeChatPaySandboxOrder)
        case unknownOrder
        case notPayable(state: String)
    }

    let database: PostgresPool
    let merchant: WeChatPayMerchant
    let settings: SandboxSettings

    func place(_ fields: [String: String], amount: Int64) async throws -> Placement {
        let prepayID = "wx" + Hex.encode(SecureRandom.bytes(15))
        let tradeNo = fields["out_trade_no", default: ""]
        let placed = try await database.query(
            """
            INSERT INTO orders.sandbox_wechat_orders
                   (prepay_id, app_id, mch_id, out_trade_no, total_fee, body, openid, trade_type, notify_url)
            VALUES (\(prepayID), \(fields["appid", default: ""]), \(merchant.merchantID), \(tradeNo), \(amount),
                    \(fields["body", default: ""]), \(fields["openid", default: ""]),
                    \(fields["trade_type", default: ""]), \(fields["notify_url", default: ""]))
            ON CONFLICT (mch_id, out_trade_no) DO NOTHING
            RETURNING prepay_id
            """)
        if !placed.isEmpty { return .placed(prepayID: prepayID) }
        guard let earlier = try await find(tradeNo: tradeNo) else {
            return .refused(code: "SYSTEMERROR", description: "系统错误")
        }
        switch earlier.state {
        case "SUCCESS", "REFUND": return .refused(code: "ORDERPAID", description: "该订单已支付")
        case "CLOSED": return .refused(code: "ORDERCLOSED", description: "该订单已关")
        default:
            guard earlier.amount == amount, earlier.notifyURL == fields["notify_url"] else {
                return .refused(code: "INVALID_REQUEST", description: "201 商户订单号重复")
            }
            return .placed(prepayID: earlier.prepayID)
        }
    }

    func find(tradeNo: String) async throws -> WeChatPaySandboxOrder? {
        try await database.query(
            """
            SELECT \(unsafeSQL: WeChatPaySandboxOrder.columns) FROM orders.sandbox_wechat_orders
             WHERE mch_id = \(merchant.merchantID) AND out_trade_no = \(tradeNo)
            """
        ).first.map(WeChatPaySandboxOrder.init(row:))
    }

    func find(prepayID: String) async throws -> WeChatPaySandboxOrder? {
        try await database.query(
            """
            SELECT \(unsafeSQL: WeChatPaySandboxOrder.columns) FROM orders.sandbox_wechat_orders
             WHERE prepay_id = \(prepayID)
            """
        ).first.map(WeChatPaySandboxOrder.init(row:))
    }

    /// Closes an unpaid order; answers its state afterwards (nil when unknown).
    func close(tradeNo: String) async throws -> String? {
        let rows = try await database.query(
            """
            UPDATE orders.sandbox_wechat_orders SET state = CASE WHEN state IN ('NOTPAY', 'PAYERROR')
                   THEN 'CLOSED' ELSE state END
             WHERE mch_id = \(merchant.merchantID) AND out_trade_no = \(tradeNo)
            RETURNING state
            """)
        return try rows.first?.decode("state", as: String.self)
    }

    /// The payer pays (`succeeded`) or the payment fails: the order changes and WeChat Pay's payment
    /// notification is queued.
    func pay(tradeNo: String, succeeded: Bool) async throws -> Action {
        let transactionID = "4200" + SecureRandom.digits(24)
        return try await database.transaction { transaction in
            let rows = try await transaction.query(
                """
                UPDATE orders.sandbox_wechat_orders
                   SET state = \(succeeded ? "SUCCESS" : "PAYERROR"),
                       transaction_id = \(succeeded ? transactionID : nil), paid_at = now()
                 WHERE mch_id = \(merchant.merchantID) AND out_trade_no = \(tradeNo) AND state IN ('NOTPAY', 'PAYERROR')
                RETURNING \(unsafeSQL: WeChatPaySandboxOrder.columns)
                """)
            guard let row = rows.first else {
                let state = try await transaction.query(
                    """
                    SELECT state FROM orders.sandbox_wechat_orders
                     WHERE mch_id = \(merchant.merchantID) AND out_trade_no = \(tradeNo)
                    """
                ).first.map { try $0.decode("state", as: String.self) }
                return state.map { Action.notPayable(state: $0) } ?? .unknownOrder
            }
            let order = try WeChatPaySandboxOrder(row: row)
            try await SandboxCourier.post(paymentNotification(order, succeeded: succeeded), on: transaction)
            return .done(order)
        }
    }

    /// The payment notification WeChat Pay sends for `order`.
    func paymentNotification(_ order: WeChatPaySandboxOrder, succeeded: Bool) -> SandboxLetter {
        var fields = [
            "appid": order.appID, "mch_id": order.merchantID, "nonce_str": SecureRandom.token(bytes: 12),
            "return_code": "SUCCESS", "result_code": succeeded ? "SUCCESS" : "FAIL", "openid": order.openID,
            "is_subscribe": "N", "trade_type": order.tradeType, "bank_type": "OTHERS",
            "total_fee": String(order.amount), "cash_fee": String(order.amount), "fee_type": "CNY",
            "out_trade_no": order.tradeNo, "time_end": WeChatPayClient.time(Date()),
        ]
        if let transactionID = order.transactionID { fields["transaction_id"] = transactionID }
        if !succeeded {
            fields["err_code"] = "PAYERROR"
            fields["err_code_des"] = "支付失败"
        }
        if merchant.signKind != .md5 { fields["sign_type"] = merchant.signKind.rawValue }
        fields["sign"] = WeChatPaySignature.sign(fields, key: merchant.apiKey, kind: merchant.signKind)
        return SandboxLetter(
            provider: .wechat, url: order.notifyURL, contentType: "text/xml; charset=utf-8",
            body: Array(WeChatPayXML.encode(fields).utf8))
    }
}
