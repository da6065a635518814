/// The parameters a mini-program passes to `wx.requestPayment` for a prepared WeChat Pay order:
/// `appId`, `timeStamp` (seconds, as text), `nonceStr`, `package` (`prepay_id=…`), `signType` and
/// `paySign`, the signature of the other five under the merchant's key.
enum WeChatPayJSAPI {
    static func parameters(
        prepayID: String, merchant: WeChatPayMerchant, timestamp: Int, nonce: String
    ) -> [String: String] {
        var fields = [
            "appId": merchant.appID, "timeStamp": String(timestamp), "nonceStr": nonce,
            "package": "prepay_id=\(prepayID)", "signType": merchant.signKind.rawValue,
        ]
        fields["paySign"] = WeChatPaySignature.sign(fields, key: merchant.apiKey, kind: merchant.signKind)
        return fields
    }
}
