import Crypto
import Foundation
import HTTPClient
import HTTPCore
import ServiceKit

/// WeChat Pay's v2 API for the merchant: unified order (JSAPI), order query, close and refund, each an
/// XML request signed with the merchant's key and answered with signed XML
/// (`https://api.mch.weixin.qq.com` or the simulator: only the endpoint and key differ). An answer is
/// believed only when its signature matches; `return_code` FAIL and `result_code` FAIL are refusals
/// naming WeChat Pay's `err_code`.
struct WeChatPayClient: Sendable {
    let endpoint: ProviderEndpoint
    let merchant: WeChatPayMerchant
    let client: HTTPClient
    let timeout: Duration

    /// Places the order and answers its `prepay_id`.
    func unifiedOrder(_ order: WeChatPayOrderRequest) async throws(WeChatPayError) -> String {
        var fields = [
            "body": order.description, "out_trade_no": order.tradeNo, "total_fee": String(order.amount),
            "spbill_create_ip": order.clientIP, "notify_url": order.notifyURL, "trade_type": "JSAPI",
            "time_expire": Self.time(order.expires),
        ]
        if let openID = order.openID { fields["openid"] = openID }
        let answer = try await call("/pay/unifiedorder", fields)
        guard let prepayID = answer["prepay_id"], (1...64).contains(prepayID.utf8.count) else {
            throw .malformedAnswer("the unified order's answer has no prepay_id")
        }
        return prepayID
    }

    /// What WeChat Pay knows of the order `tradeNo`.
    func query(tradeNo: String) async throws(WeChatPayError) -> WeChatPayOrderStatus {
        let answer = try await call("/pay/orderquery", ["out_trade_no": tradeNo])
        guard let stateText = answer["trade_state"], let state = WeChatPayTradeState(rawValue: stateText) else {
            throw .malformedAnswer("the order query's answer has no known trade_state")
        }
        return WeChatPayOrderStatus(
            tradeNo: tradeNo, state: state, transactionID: answer["transaction_id"].flatMap { $0.isEmpty ? nil : $0 },
            amount: answer["total_fee"].flatMap { Int64($0) })
    }

    /// Closes the unpaid order `tradeNo` (refused with `ORDERPAID` when it was paid meanwhile).
    func close(tradeNo: String) async throws(WeChatPayError) {
        _ = try await call("/pay/closeorder", ["out_trade_no": tradeNo])
    }

    /// Asks for a refund and answers WeChat Pay's `refund_id`; the outcome comes in the refund notification.
    func refund(_ refund: WeChatPayRefundRequest) async throws(WeChatPayError) -> String {
        let answer = try await call(
            "/secapi/pay/refund",
            [
                "out_trade_no": refund.tradeNo, "out_refund_no": refund.refundNo,
                "total_fee": String(refund.paidAmount), "refund_fee": String(refund.amount),
                "notify_url": refund.notifyURL,
            ])
        guard let refundID = answer["refund_id"], (1...64).contains(refundID.utf8.count) else {
            throw .malformedAnswer("the refund's answer has no refund_id")
        }
        return refundID
    }

    private func call(_ path: String, _ fields: [String: String]) async throws(WeChatPayError) -> [String: String] {
        let request = Self.request(path: path, fields: fields, merchant: merchant, nonce: SecureRandom.token(bytes: 12))
        let response: HTTPResponse
        do {
            response = try await endpoint.send(request, client: client, timeout: timeout)
        } catch {
            throw .unreachable(error.description)
        }
        return try Self.answer(response, merchant: merchant)
    }

    /// The signed request for `fields` at `path`: the merchant's app id and merchant id, the nonce, the
    /// signature kind (named when it is not MD5) and the signature.
    static func request(
        path: String, fields: [String: String], merchant: WeChatPayMerchant, nonce: String
    ) -> HTTPRequest {
        var signed = fields
        signed["appid"] = merchant.appID
        signed["mch_id"] = merchant.merchantID
        signed["nonce_str"] = nonce
        if merchant.signKind != .md5 { signed["sign_type"] = merchant.signKind.rawValue }
        signed["sign"] = WeChatPaySignature.sign(signed, key: merchant.apiKey, kind: merchant.signKind)
        return HTTPRequest(
            method: .post, target: path, headers: ["Content-Type": "text/xml; charset=utf-8"],
            body: Array(WeChatPayXML.encode(signed).utf8))
    }

    /// The fields of a successful, genuine answer.
    static func answer(_ response: HTTPResponse, merchant: WeChatPayMerchant) throws(WeChatPayError) -> [String: String]
    {
        guard response.status.code == 200 else { throw .unreachable("HTTP \(response.status.code)") }
        let fields: [String: String]
        do {
            fields = try WeChatPayXML.decode(response.body)
        } catch {
            throw .malformedAnswer(error.description)
        }
        guard fields["return_code"] == "SUCCESS" else {
            throw .refused(code: "", message: fields["return_msg"] ?? "return_code is not SUCCESS")
        }
        guard WeChatPaySignature.verify(fields, key: merchant.apiKey, assumed: merchant.signKind) else {
            throw .malformedAnswer("the signature does not match")
        }
        guard merchant.accepts(appID: fields["appid"]), fields["mch_id"] == merchant.merchantID else {
            throw .malformedAnswer("the answer is for another app or merchant")
        }
        guard fields["result_code"] == "SUCCESS" else {
            throw .refused(
                code: fields["err_code"] ?? "", message: fields["err_code_des"] ?? "result_code is not SUCCESS")
        }
        return fields
    }

    /// The client naming the mini-program `app` in its requests; nil when the app is not linked to the merchant.
    func paying(in app: String) -> WeChatPayClient? {
        merchant.paying(in: app).map {
            WeChatPayClient(endpoint: endpoint, merchant: $0, client: client, timeout: timeout)
        }
    }

    /// `yyyyMMddHHmmss` in China's zone, as WeChat Pay writes times.
    static func time(_ date: Date) -> String {
        String(DisplayTime.china.format(date).filter(\.isNumber))
    }
}
