/// The WeChat Pay merchant account the platform receives payments on: the app id its requests name, the
/// merchant id and the v2 API key, the signature kind its requests use, and the other mini-programs
/// linked to the account (each operations centre's own), in which payments may be made too.
struct WeChatPayMerchant: Sendable, Equatable {
    let appID: String
    let merchantID: String
    let apiKey: String
    let signKind: WeChatPaySignature.Kind
    var linkedAppIDs: Set<String> = []
}

extension WeChatPayMerchant {
    /// The same account signing with `kind` (the train mini-program's payments are signed with HMAC-SHA256).
    func signing(with kind: WeChatPaySignature.Kind) -> WeChatPayMerchant {
        WeChatPayMerchant(
            appID: appID, merchantID: merchantID, apiKey: apiKey, signKind: kind, linkedAppIDs: linkedAppIDs)
    }

    /// Whether `appID` is the account's app or one linked to it: what a notification or answer may name.
    func accepts(appID: String?) -> Bool {
        guard let appID else { return false }
        return appID == self.appID || linkedAppIDs.contains(appID)
    }

    /// The account as the mini-program `app` pays with it (requests naming that app), or nil when the app is
    /// not linked to the account.
    func paying(in app: String) -> WeChatPayMerchant? {
        guard accepts(appID: app) else { return nil }
        var merchant = self
        if app != appID {
            merchant.linkedAppIDs.insert(appID)
            merchant.linkedAppIDs.remove(app)
        }
        return WeChatPayMerchant(
            appID: app, merchantID: merchantID, apiKey: apiKey, signKind: signKind, linkedAppIDs: merchant.linkedAppIDs)
    }
}
