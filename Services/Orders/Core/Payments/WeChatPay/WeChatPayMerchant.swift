/// The WeChat Pay merchant account the platform receives payments on: the mini-program's app id, the
/// merchant id and the v2 API key, and the signature kind its requests use.
struct WeChatPayMerchant: Sendable, Equatable {
    let appID: String
    let merchantID: String
    let apiKey: String
    let signKind: WeChatPaySignature.Kind
}
