import JSON
import ServiceKit

/// O2O orders and refunds as document 001 writes them: prices in yuan (JSON numbers, two decimals),
/// times `yyyy-MM-dd HH:mm:ss` (null until they happen), `items` (the codes) from payment on, and
/// `isOperSelf` 1 when the order's operations centre runs the calling mini-program.
enum O2OOrderJSON {
    static func order(_ order: O2OOrderRecord, appID: String?) -> JSONValue {
        let time = DisplayTime.china
        var fields: [(String, JSONValue)] = [
            ("id", .integer(order.id)), ("oper_id", .integer(order.operID)), ("order_no", .string(order.orderNo)),
            ("user_id", .integer(order.accountID)), ("user_name", .string(order.userName)),
            ("notify_mobile", .string(order.notifyMobile)), ("merchant_id", .integer(order.merchantID)),
            ("merchant_name", .string(order.merchantName)), ("goods_id", .integer(order.goodsID)),
            ("goods_name", .string(order.goodsName)), ("goods_pic", .string(order.goodsPic)),
            ("goods_thumb_url", .string(order.goodsThumbURL)), ("price", Yuan.number(fen: order.price)),
            ("buy_number", .integer(order.buyNumber)), ("pay_price", Yuan.number(fen: order.payPrice)),
            ("pay_time", .optional(order.payTime.map(time.format))),
            ("refund_price", Yuan.number(fen: order.refundPrice)),
            ("refund_time", .optional(order.refundTime.map(time.format))), ("status", .integer(order.status.rawValue)),
            ("created_at", .string(time.format(order.createdAt))),
        ]
        if order.payTime != nil {
            fields.append(
                (
                    "items",
                    .array(
                        order.codes.map { code in
                            .object([
                                "id": .integer(code.id), "order_id": .integer(code.orderID),
                                "verify_code": .string(code.code), "status": .integer(code.status.rawValue),
                            ])
                        })
                ))
        }
        fields.append(("isOperSelf", .integer(order.operAppID == appID ? 1 : 0)))
        return .object(JSONObject(fields))
    }

    /// The document's refund record: `amount` as a yuan string, `refund_id` WeChat Pay's (empty until it
    /// took the refund), `status` 1 recorded, 2 accepted, 3 refunded, 4 failed.
    static func refund(_ refund: O2ORefundRecord) -> JSONValue {
        let time = DisplayTime.china
        return .object(
            JSONObject([
                ("id", .integer(refund.id)), ("order_id", .integer(refund.orderID)),
                ("order_no", .string(refund.orderNo)),
                ("amount", .string(Yuan.text(fen: refund.amount))),
                ("updated_at", .string(time.format(refund.updatedAt))),
                ("created_at", .string(time.format(refund.createdAt))),
                ("refund_id", .string(refund.providerRefundID ?? "")), ("status", .integer(refund.status)),
            ]))
    }
}
