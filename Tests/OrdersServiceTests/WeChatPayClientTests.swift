import Crypto
import HTTPCore
import Testing

@testable import OrdersService

/// The WeChat Pay client's requests and its reading of answers, offline: the request is signed as WeChat
/// Pay's documentation signs its example, and only a genuine successful answer is believed.
struct WeChatPayClientTests {
    /// The merchant of WeChat Pay's signature example (pay.weixin.qq.com, v2 "签名算法").
    static let documented = WeChatPayMerchant(
        appID: "wxd930ea5d5a258f4f", merchantID: "10000100", apiKey: "192006250b4c09247ec02edce69f6a2d",
        signKind: .md5)

    @Test func aRequestIsSignedLikeTheDocumentedExample() throws {
        let request = WeChatPayClient.request(
            path: "/pay/unifiedorder", fields: ["device_info": "1000", "body": "test"], merchant: Self.documented,
            nonce: "ibuaiVcKdpRxkhJA")
        #expect(request.method == .post)
        #expect(request.target == "/pay/unifiedorder")
        let fields = try WeChatPayXML.decode(request.body)
        #expect(fields["sign"] == "9A0A8659F005D6984697E2CA0A9CF3B7")
        #expect(fields["sign_type"] == nil)
        #expect(fields["appid"] == "wxd930ea5d5a258f4f" && fields["mch_id"] == "10000100")
    }

    @Test func anHMACMerchantNamesItsSignatureKind() throws {
        let merchant = WeChatPayMerchant(
            appID: "wxd930ea5d5a258f4f", merchantID: "10000100", apiKey: "192006250b4c09247ec02edce69f6a2d",
            signKind: .hmacSHA256)
        let request = WeChatPayClient.request(
            path: "/pay/orderquery", fields: ["out_trade_no": "1"], merchant: merchant, nonce: "n")
        let fields = try WeChatPayXML.decode(request.body)
        #expect(fields["sign_type"] == "HMAC-SHA256")
        #expect(WeChatPaySignature.verify(fields, key: merchant.apiKey))
    }

    static func answer(_ fields: [String: String], signWith key: String? = documented.apiKey) -> HTTPResponse {
        var signed = fields
        if let key { signed["sign"] = WeChatPaySignature.sign(signed, key: key, kind: .md5) }
        return HTTPResponse(status: .ok, body: Array(WeChatPayXML.encode(signed).utf8))
    }

    static let genuine = [
        "return_code": "SUCCESS", "result_code": "SUCCESS", "appid": "wxd930ea5d5a258f4f", "mch_id": "10000100",
        "nonce_str": "x", "prepay_id": "wx201411101639507cbf6ffd8b0779950874",
    ]

    @Test func onlyAGenuineSuccessfulAnswerIsBelieved() throws {
        let fields = try WeChatPayClient.answer(Self.answer(Self.genuine), merchant: Self.documented)
        #expect(fields["prepay_id"] == "wx201411101639507cbf6ffd8b0779950874")
        #expect(throws: WeChatPayError.refused(code: "", message: "签名错误")) {
            try WeChatPayClient.answer(
                Self.answer(["return_code": "FAIL", "return_msg": "签名错误"], signWith: nil), merchant: Self.documented)
        }
        #expect(throws: WeChatPayError.malformedAnswer("the signature does not match")) {
            try WeChatPayClient.answer(
                Self.answer(Self.genuine, signWith: "ffffffffffffffffffffffffffffffff"), merchant: Self.documented)
        }
        var paid = Self.genuine
        paid["result_code"] = "FAIL"
        paid["err_code"] = "ORDERPAID"
        paid["err_code_des"] = "该订单已支付"
        #expect(throws: WeChatPayError.refused(code: "ORDERPAID", message: "该订单已支付")) {
            try WeChatPayClient.answer(Self.answer(paid), merchant: Self.documented)
        }
        var foreign = Self.genuine
        foreign["mch_id"] = "10000101"
        #expect(throws: WeChatPayError.malformedAnswer("the answer is for another app or merchant")) {
            try WeChatPayClient.answer(Self.answer(foreign), merchant: Self.documented)
        }
        #expect(throws: WeChatPayError.unreachable("HTTP 502")) {
            try WeChatPayClient.answer(HTTPResponse(status: HTTPStatus(code: 502)), merchant: Self.documented)
        }
    }

    static func refundNotification(
        details: [String: String], key: [UInt8] = WeChatPayRefundNotification.key(documented)
    ) throws -> [UInt8] {
        let encrypted = try AES256ECB.encrypt(Array(WeChatPayXML.encode(details, root: "root").utf8), key: key)
        let fields = [
            "return_code": "SUCCESS", "appid": "wxd930ea5d5a258f4f", "mch_id": "10000100", "nonce_str": "n",
            "req_info": Base64.encode(encrypted),
        ]
        return Array(WeChatPayXML.encode(fields).utf8)
    }

    static let refund = [
        "out_refund_no": "R1", "refund_id": "50300000001", "out_trade_no": "20261203120000123456",
        "refund_fee": "500", "refund_status": "SUCCESS", "transaction_id": "4200",
    ]

    @Test func aRefundNotificationIsBelievedOnlyUnderOurKey() throws {
        let read = WeChatPayRefundNotification.verify(
            try Self.refundNotification(details: Self.refund), merchant: Self.documented)
        #expect(
            read
                == .success(
                    VerifiedRefund(
                        refundNo: "R1", refundID: "50300000001", tradeNo: "20261203120000123456", amount: 500,
                        succeeded: true)))
        let otherKey = Array(Hex.encode(Digest.md5("another merchant key")).utf8)
        let forged = WeChatPayRefundNotification.verify(
            try Self.refundNotification(details: Self.refund, key: otherKey), merchant: Self.documented)
        #expect(forged == .failure(.badSignature))
        var failed = Self.refund
        failed["refund_status"] = "CHANGE"
        let change = WeChatPayRefundNotification.verify(
            try Self.refundNotification(details: failed), merchant: Self.documented)
        #expect((try? change.get())?.succeeded == false)
    }
}
