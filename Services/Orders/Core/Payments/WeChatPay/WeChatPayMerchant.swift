/// The WeChat Pay merchant account the platform receives payments on: the mini-program's app id, the
/// merchant id and the v2 API key, and the signature kind its requests use.
struct WeChatPayMerchant: Sendable, Equatable {
    let appID: String
    let merchantID: String
    let apiKey: String
    let signKind: WeChatPaySignature.Kind
}

extension WeChatPayMerchant {
    /// The same account signing with `kind` (the train mini-program's payments are signed with HMAC-SHA256).
    func signing(with kind: WeChatPaySignature.Kind) -> WeChatPayMerchant {
        WeChatPayMerchant(appID: appID, merchantID: merchantID, apiKey: apiKey, signKind: kind)
    }
}
