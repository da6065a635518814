/// The parameters a mini-program passes to `wx.requestPayment` for a prepared WeChat Pay order:
/// `appId`, `timeStamp` (seconds, as text), `nonceStr`, `package` (`prepay_id=…`), `signType` and
/// `paySign`, the signature of the other five under the merchant's key.
enum WeChatPayJSAPI {
    /// The parameters in the order WeChat's documents list them.
    static let names = ["appId", "timeStamp", "nonceStr", "package", "signType", "paySign"]

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
