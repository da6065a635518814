import Crypto
import Foundation
import HTTPCore
import ServiceKit
import Testing

@testable import OrdersService

/// `alipay.trade.page.pay` against a fixed vector: the development app key, a fixed trade and clock. The
/// expected signature was computed apart from this code, with `printf '%s' "<content>" | openssl dgst
/// -sha256 -sign <the development app key> | base64 -w0`.
struct AlipayPagePayTests {
    static let now = DisplayTime.china.parse("2026-12-03 12:00:00")!
    static let order = AlipayOrder(
        tradeNo: "20261203120000123456", amount: 8800, subject: "账户余额充值",
        expiresAt: DisplayTime.china.parse("2026-12-03 12:30:00")!)
    static let businessContent =
        "{\"out_trade_no\":\"20261203120000123456\",\"product_code\":\"FAST_INSTANT_TRADE_PAY\","
        + "\"total_amount\":\"88.00\",\"subject\":\"账户余额充值\",\"time_expire\":\"2026-12-03 12:30:00\"}"
    static let content =
        "app_id=9021000000000001&biz_content=\(businessContent)&charset=utf-8&format=JSON"
        + "&method=alipay.trade.page.pay&notify_url=https://pay.example.com/pay/alipay/notify&sign_type=RSA2"
        + "&timestamp=2026-12-03 12:00:00&version=1.0"
    static let signature =
        "p+OwDzan0Vwk/AQjk2BLtIyB7SAgpUuKOrD8zsJJg52k924VmNk2yCP1bWPRkFn1zQzj2dPPknVWdT5xFkIwd3ju/KOT6/f2IP9qpwD+v3ze"
        + "aejeuIkgaMMqyySkyPsdmT+C96B/Pbe9w4CCyrKWtL4VuJJ/BTLqpN7etIwfCkca4PM0C4GsEU/4gnn73dSx9mosrstC8lD5F4sYy9dFdEjv"
        + "lfWFOGOLW4siE6m687pfEZMekHqqIxgWoAcRcj5O/MA5lLnM5Enq3Xoyla4AZZI190QnhUOjXM5mJSPEE/8oP8sylon0dCAlQ8XcRuudsSMc"
        + "NKERHEr9w6nUyjCzEA=="

    @Test func theRequestCarriesAlipaysParametersAndTheFixedSignature() throws {
        let parameters = try AlipayPagePay.parameters(
            for: Self.order, settings: try AlipayTestSupport.settings(), now: Self.now)
        #expect(
            parameters == [
                "app_id": "9021000000000001", "method": "alipay.trade.page.pay", "format": "JSON", "charset": "utf-8",
                "sign_type": "RSA2", "timestamp": "2026-12-03 12:00:00", "version": "1.0",
                "notify_url": "https://pay.example.com/pay/alipay/notify", "biz_content": Self.businessContent,
                "sign": Self.signature,
            ])
        #expect(AlipaySignature.requestContent(parameters) == Self.content)
    }

    @Test func theURLIsTheGatewayWithTheEncodedParameters() throws {
        let settings = try AlipayTestSupport.settings(returnURL: "https://m.example.com/paid")
        let url = try AlipayPagePay.url(for: Self.order, settings: settings, now: Self.now)
        #expect(url.hasPrefix("https://openapi.alipay.com/gateway.do?app_id=9021000000000001&biz_content=%7B%22out"))
        #expect(!url.contains(" ") && !url.contains("\"") && !url.contains("中"))
        let query = String(url.split(separator: "?", maxSplits: 1)[1])
        let parameters = try AlipayForm.decode(Array(query.utf8))
        #expect(parameters["return_url"] == "https://m.example.com/paid")
        #expect(parameters["biz_content"] == Self.businessContent)
        let appPublicKey = try AlipayTestSupport.appKey.publicKey()
        #expect(
            AlipaySignature.verify(
                parameters["sign"] ?? "", of: Array(AlipaySignature.requestContent(parameters).utf8), key: appPublicKey)
        )
    }

    @Test func subjectsAndAmountsFollowTheTrade() {
        #expect(AlipayOrder.subject(of: .recharge) == "账户余额充值")
        #expect(Yuan.text(fen: 1) == "0.01" && Yuan.text(fen: 100_000) == "1000.00")
    }
}
