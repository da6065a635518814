import Testing

@testable import OrdersService

/// A payment notification is believed only when every check holds; forged ones change nothing.
struct WeChatPayNotificationTests {
    static let merchant = WeChatPayMerchant(
        appID: "wxdevo2o", merchantID: "1900000109", apiKey: "0123456789abcdef0123456789abcdef", signKind: .md5)

    static func notification(
        _ changes: [String: String] = [:], signWith key: String = merchant.apiKey, kind: WeChatPaySignature.Kind = .md5,
        tamperAfterSigning: [String: String] = [:]
    ) -> [UInt8] {
        var fields = [
            "appid": "wxdevo2o", "mch_id": "1900000109", "nonce_str": "5K8264ILTKCH16CQ", "result_code": "SUCCESS",
            "return_code": "SUCCESS", "openid": "o-test", "out_trade_no": "20261203120000123456",
            "transaction_id": "4200000001202612031234567890", "total_fee": "990", "trade_type": "JSAPI",
            "time_end": "20261203120102",
        ]
        if kind == .hmacSHA256 { fields["sign_type"] = "HMAC-SHA256" }
        for (key, value) in changes { fields[key] = value }
        fields["sign"] = WeChatPaySignature.sign(fields, key: key, kind: kind)
        for (key, value) in tamperAfterSigning { fields[key] = value }
        return Array(WeChatPayXML.encode(fields).utf8)
    }

    @Test func aGenuineNotificationIsRead() {
        let expected = VerifiedPayment(
            tradeNo: "20261203120000123456", amount: 990, transactionID: "4200000001202612031234567890")
        #expect(WeChatPayNotification.verify(Self.notification(), merchant: Self.merchant) == .success(expected))
        #expect(
            WeChatPayNotification.verify(Self.notification(kind: .hmacSHA256), merchant: Self.merchant)
                == .success(expected))
    }

    @Test func forgeriesAreRefused() {
        let cases: [([UInt8], NotificationRefusal)] = [
            (Self.notification(signWith: "ffffffffffffffffffffffffffffffff"), .badSignature),
            (Self.notification(tamperAfterSigning: ["total_fee": "1"]), .badSignature),
            (Self.notification(tamperAfterSigning: ["attach": "extra"]), .badSignature),
            (Self.notification(tamperAfterSigning: ["sign_type": "HMAC-SHA256"]), .badSignature),
            (Self.notification(["appid": "wxother"]), .foreignAccount(field: "appid")),
            (Self.notification(["mch_id": "1900000110"]), .foreignAccount(field: "mch_id")),
            (Self.notification(["result_code": "FAIL"]), .notAPayment("FAIL")),
            (
                Self.notification(["total_fee": "9.90"]),
                .malformed("total_fee must be a whole number of fen above zero")
            ),
            (Self.notification(["total_fee": "0"]), .malformed("total_fee must be a whole number of fen above zero")),
            (
                Self.notification(["total_fee": "-990"]),
                .malformed("total_fee must be a whole number of fen above zero")
            ),
            (Self.notification(["transaction_id": ""]), .malformed("transaction_id is missing")),
        ]
        for (body, refusal) in cases {
            #expect(WeChatPayNotification.verify(body, merchant: Self.merchant) == .failure(refusal))
        }
        let entity = Array(
            "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><appid>&x;</appid></xml>".utf8)
        guard case .failure(.malformed) = WeChatPayNotification.verify(entity, merchant: Self.merchant) else {
            Issue.record("an external entity was not refused")
            return
        }
    }

    @Test func jsapiParametersAreSignedWithoutTheirSignature() {
        let parameters = WeChatPayJSAPI.parameters(
            prepayID: "wx2017033010242291fcfe0db70013231072", merchant: Self.merchant, timestamp: 1_490_840_662,
            nonce: "5K8264ILTKCH16CQ2502SI8ZNMTM67VS")
        #expect(parameters["package"] == "prepay_id=wx2017033010242291fcfe0db70013231072")
        #expect(parameters["signType"] == "MD5")
        var unsigned = parameters
        let paySign = unsigned.removeValue(forKey: "paySign")
        #expect(paySign == WeChatPaySignature.sign(unsigned, key: Self.merchant.apiKey, kind: .md5))
        #expect(
            WeChatPaySignature.signedText(unsigned, key: "k")
                == "appId=wxdevo2o&nonceStr=5K8264ILTKCH16CQ2502SI8ZNMTM67VS"
                + "&package=prepay_id=wx2017033010242291fcfe0db70013231072&signType=MD5&timeStamp=1490840662&key=k")
    }
}
