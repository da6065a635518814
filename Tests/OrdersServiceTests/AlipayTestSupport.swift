import Crypto
import Foundation
import ServiceKit

@testable import OrdersService

/// The development keys as the tests use them: the platform app's account, the simulated Alipay's key
/// that signs notifications, and notifications signed the way Alipay signs them.
enum AlipayTestSupport {
    static let appKey = try! RSAPrivateKey(text: AlipayDevelopmentKeys.appPrivateKey)
    static let alipayKey = try! RSAPrivateKey(text: AlipayDevelopmentKeys.alipayPrivateKey)
    static let alipayPublicKey = try! RSAPublicKey(text: AlipayDevelopmentKeys.alipayPublicKey)

    static func account(sellerID: String? = nil) -> AlipayAccount {
        AlipayAccount(
            appID: AlipayDevelopmentKeys.appID, privateKey: appKey, alipayPublicKey: alipayPublicKey,
            sellerID: sellerID)
    }

    static func settings(
        pageGateway: String = "https://openapi.alipay.com/gateway.do",
        api: String = "https://openapi.alipay.com/gateway.do",
        notifyURL: String = "https://pay.example.com/pay/alipay/notify", returnURL: String? = nil
    ) throws -> AlipaySettings {
        AlipaySettings(
            account: account(), pageGateway: pageGateway, apiEndpoint: try ProviderEndpoint(url: api, variable: "test"),
            notifyURL: notifyURL, returnURL: returnURL, apiTimeout: .seconds(10), simulated: false)
    }

    /// The fields of a `TRADE_SUCCESS` notification for `tradeNo`.
    static func fields(tradeNo: String, amount: String = "88.00", status: String = "TRADE_SUCCESS") -> [String: String]
    {
        [
            "notify_time": "2026-12-03 12:01:02", "notify_type": "trade_status_sync",
            "notify_id": "ac05099524730693a8b330c5ecf72da9", "app_id": AlipayDevelopmentKeys.appID, "charset": "utf-8",
            "version": "1.0", "sign_type": "RSA2", "trade_no": "2026120322001412345678901234", "out_trade_no": tradeNo,
            "trade_status": status, "total_amount": amount, "receipt_amount": amount, "buyer_id": "2088102177846880",
            "seller_id": AlipayDevelopmentKeys.sellerID, "gmt_payment": "2026-12-03 12:01:01", "subject": "账户余额充值",
        ]
    }

    /// `fields` signed with `key` (the simulated Alipay's by default), then changed by `tamper`, as a form body.
    static func body(
        _ fields: [String: String], signWith key: RSAPrivateKey = alipayKey, tamper: [String: String?] = [:]
    ) throws -> [UInt8] {
        var signed = fields
        signed["sign"] = try AlipaySignature.sign(AlipaySignature.notificationContent(fields), key: key)
        for (name, value) in tamper { signed[name] = value }
        return Array(AlipayForm.encode(signed).utf8)
    }
}
