import Crypto
import Foundation
import JSON
import ServiceKit

/// One call of Alipay's open API: the method, its business parameters (`biz_content`, JSON) and the
/// common parameters every call carries (`app_id`, `method`, `format` JSON, `charset` utf-8, `sign_type`
/// RSA2, `timestamp` in China's time, `version` 1.0, and `notify_url`, `return_url` where given), signed
/// with the app's private key.
struct AlipayRequest: Sendable {
    let method: String
    let business: JSONObject
    var notifyURL: String?
    var returnURL: String?

    /// The parameters with their `sign`, made at `now`.
    func parameters(account: AlipayAccount, now: Date) throws(CryptoError) -> [String: String] {
        var parameters = [
            "app_id": account.appID, "method": method, "format": "JSON", "charset": "utf-8", "sign_type": "RSA2",
            "timestamp": DisplayTime.china.format(now), "version": "1.0",
            "biz_content": JSONValue.object(business).serialized(),
        ]
        if let notifyURL { parameters["notify_url"] = notifyURL }
        if let returnURL { parameters["return_url"] = returnURL }
        return try AlipaySignature.signed(parameters, key: account.privateKey)
    }
}

/// What a trade asks Alipay to collect: our trade number, the amount in fen, the subject the payer sees
/// and the time the trade closes (Alipay closes its side then too).
struct AlipayOrder: Sendable, Equatable {
    let tradeNo: String
    let amount: Int64
    let subject: String
    let expiresAt: Date

    init(tradeNo: String, amount: Int64, subject: String, expiresAt: Date) {
        self.tradeNo = tradeNo
        self.amount = amount
        self.subject = subject
        self.expiresAt = expiresAt
    }

    init(trade: TradeRecord) {
        self.init(
            tradeNo: trade.tradeNo, amount: trade.amount, subject: Self.subject(of: trade.business),
            expiresAt: trade.expiresAt)
    }

    /// The subject a payer reads on Alipay's cashier for a trade of `business`.
    static func subject(of business: TradeBusiness) -> String {
        switch business {
        case .recharge: "账户余额充值"
        case .train: "火车票订单"
        case .o2o: "商户订单"
        case .phone: "话费充值"
        }
    }
}

/// `alipay.trade.page.pay`: the payment page of Alipay's cashier (电脑网站支付), reached by sending the
/// payer's browser to the gateway with the signed request in the query string.
enum AlipayPagePay {
    static let method = "alipay.trade.page.pay"
    static let productCode = "FAST_INSTANT_TRADE_PAY"

    /// The signed parameters of `order`'s payment page.
    static func parameters(
        for order: AlipayOrder, settings: AlipaySettings, now: Date
    ) throws(CryptoError) -> [String: String] {
        let business: JSONObject = [
            "out_trade_no": .string(order.tradeNo), "product_code": .string(productCode),
            "total_amount": .string(Yuan.text(fen: order.amount)), "subject": .string(order.subject),
            "time_expire": .string(DisplayTime.china.format(order.expiresAt)),
        ]
        let request = AlipayRequest(
            method: method, business: business, notifyURL: settings.notifyURL, returnURL: settings.returnURL)
        return try request.parameters(account: settings.account, now: now)
    }

    /// The URL the payer's browser goes to: the gateway with the signed parameters, percent-encoded.
    static func url(for order: AlipayOrder, settings: AlipaySettings, now: Date) throws(CryptoError) -> String {
        settings.pageGateway + "?" + AlipayForm.encode(try parameters(for: order, settings: settings, now: now))
    }
}
