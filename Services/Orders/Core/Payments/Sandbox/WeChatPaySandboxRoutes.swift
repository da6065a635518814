import HTTPCore
import ServiceKit

/// The simulated WeChat Pay (outside production only), under `/sandbox/wechatpay`: the v2 merchant API
/// the platform's client calls (`/pay/unifiedorder`, `/pay/orderquery`, `/pay/closeorder`,
/// `/secapi/pay/refund`), each request's signature checked under the merchant's key as WeChat Pay
/// checks it; and the payer's side: a cashier page for a prepay id with "pay" and "fail" buttons that
/// post to `/act`, which pays (or fails) the order and sends the notification.
enum WeChatPaySandboxRoutes {
    static let prefix = "/sandbox/wechatpay"

    static func make(store: WeChatPaySandboxStore) -> [Route] {
        let merchant = store.merchant
        return [
            .post(prefix + "/pay/unifiedorder", bodyLimit: WeChatPayXML.maximumBytes) { context in
                try await answer(context, merchant: merchant, required: unifiedOrderFields) { fields, kind in
                    guard let amount = Int64(fields["total_fee", default: ""]), amount > 0 else {
                        return WeChatPaySandboxReply.refused(
                            "PARAM_ERROR", "total_fee 无效", merchant: merchant, kind: kind)
                    }
                    if fields["trade_type"] == "JSAPI" && fields["openid", default: ""].isEmpty {
                        return WeChatPaySandboxReply.refused(
                            "PARAM_ERROR", "JSAPI支付必须传openid", merchant: merchant, kind: kind)
                    }
                    switch try await store.place(fields, amount: amount) {
                    case .placed(let prepayID):
                        return WeChatPaySandboxReply.success(
                            ["prepay_id": prepayID, "trade_type": fields["trade_type", default: ""]],
                            merchant: merchant,
                            kind: kind)
                    case .refused(let code, let description):
                        return WeChatPaySandboxReply.refused(code, description, merchant: merchant, kind: kind)
                    }
                }
            },
            .post(prefix + "/pay/orderquery", bodyLimit: WeChatPayXML.maximumBytes) { context in
                try await answer(context, merchant: merchant, required: ["out_trade_no"]) { fields, kind in
                    guard let order = try await store.find(tradeNo: fields["out_trade_no", default: ""]) else {
                        return WeChatPaySandboxReply.refused(
                            "ORDERNOTEXIST", "此交易订单号不存在", merchant: merchant, kind: kind)
                    }
                    var reply = [
                        "out_trade_no": order.tradeNo, "trade_state": order.state, "total_fee": String(order.amount),
                        "trade_type": order.tradeType, "openid": order.openID,
                    ]
                    if let transactionID = order.transactionID { reply["transaction_id"] = transactionID }
                    return WeChatPaySandboxReply.success(reply, merchant: merchant, kind: kind)
                }
            },
            .post(prefix + "/pay/closeorder", bodyLimit: WeChatPayXML.maximumBytes) { context in
                try await answer(context, merchant: merchant, required: ["out_trade_no"]) { fields, kind in
                    switch try await store.close(tradeNo: fields["out_trade_no", default: ""]) {
                    case nil:
                        return WeChatPaySandboxReply.refused("ORDERNOTEXIST", "订单不存在", merchant: merchant, kind: kind)
                    case "SUCCESS"?, "REFUND"?:
                        return WeChatPaySandboxReply.refused("ORDERPAID", "订单已支付", merchant: merchant, kind: kind)
                    default:
                        return WeChatPaySandboxReply.success([:], merchant: merchant, kind: kind)
                    }
                }
            },
            .post(prefix + "/secapi/pay/refund", bodyLimit: WeChatPayXML.maximumBytes) { context in
                let required = ["out_trade_no", "out_refund_no", "total_fee", "refund_fee"]
                return try await answer(context, merchant: merchant, required: required) { fields, kind in
                    guard let total = Int64(fields["total_fee", default: ""]),
                        let refund = Int64(fields["refund_fee", default: ""])
                    else {
                        return WeChatPaySandboxReply.refused("PARAM_ERROR", "金额无效", merchant: merchant, kind: kind)
                    }
                    switch try await store.refund(
                        tradeNo: fields["out_trade_no", default: ""], refundNo: fields["out_refund_no", default: ""],
                        totalFee: total, refundFee: refund, notifyURL: fields["notify_url", default: ""])
                    {
                    case .taken(let refundID):
                        return WeChatPaySandboxReply.success(
                            [
                                "refund_id": refundID, "out_refund_no": fields["out_refund_no", default: ""],
                                "out_trade_no": fields["out_trade_no", default: ""], "refund_fee": String(refund),
                                "total_fee": String(total),
                            ], merchant: merchant, kind: kind)
                    case .refused(let code, let description):
                        return WeChatPaySandboxReply.refused(code, description, merchant: merchant, kind: kind)
                    }
                }
            },
            .get(prefix + "/cashier") { context in
                guard let prepayID = context.request.queryValue("prepay_id"),
                    let order = try await store.find(prepayID: prepayID)
                else { return SandboxPage.response(status: .notFound, SandboxPage.missing) }
                return SandboxPage.response(status: .ok, SandboxPage.cashier(order, actionPath: prefix + "/act"))
            },
            .post(prefix + "/act", bodyLimit: 4096) { context in
                guard let tradeNo = context.request.formValue("out_trade_no"),
                    let outcome = context.request.formValue("outcome"), outcome == "pay" || outcome == "fail"
                else { return SandboxPage.response(status: .badRequest, SandboxPage.missing) }
                let action = try await store.pay(tradeNo: tradeNo, succeeded: outcome == "pay")
                return SandboxPage.response(status: .ok, SandboxPage.outcome(action))
            },
        ]
    }

    /// The fields every unified order must carry (besides the signature fields).
    static let unifiedOrderFields = [
        "body", "out_trade_no", "total_fee", "spbill_create_ip", "notify_url", "trade_type",
    ]

    /// Reads, checks and answers one merchant API request: XML, our app id and merchant id, a nonce, a
    /// signature that matches under the merchant's key, and the `required` fields; then `body` decides.
    private static func answer(
        _ context: RequestContext, merchant: WeChatPayMerchant, required: [String],
        _ body: ([String: String], WeChatPaySignature.Kind) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let fields: [String: String]
        do {
            fields = try WeChatPayXML.decode(context.request.body)
        } catch {
            return WeChatPaySandboxReply.fail("XML格式错误")
        }
        guard merchant.accepts(appID: fields["appid"]), fields["mch_id"] == merchant.merchantID else {
            return WeChatPaySandboxReply.fail("appid和mch_id不匹配")
        }
        guard let kind = WeChatPaySignature.Kind(rawValue: fields["sign_type"] ?? "MD5"),
            WeChatPaySignature.verify(fields, key: merchant.apiKey)
        else { return WeChatPaySandboxReply.fail("签名错误") }
        guard (1...32).contains(fields["nonce_str", default: ""].utf8.count) else {
            return WeChatPaySandboxReply.fail("nonce_str 参数格式错误")
        }
        for name in required where fields[name, default: ""].isEmpty {
            return WeChatPaySandboxReply.fail("缺少参数 \(name)")
        }
        return try await body(fields, kind)
    }
}
