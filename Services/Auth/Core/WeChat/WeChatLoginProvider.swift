/// Exchanges a mini-program's `wx.login` code for the user's WeChat identity (WeChat's
/// `jscode2session`). The real WeChat API and the development simulator implement it.
protocol WeChatLoginProvider: Sendable {
    /// The identity behind `code`, which WeChat accepts once for the mini-program `app`.
    func exchange(code: String, app: WeChatApp) async throws(WeChatLoginError) -> WeChatSession
}

/// A mini-program registered with WeChat: its app id and the secret `jscode2session` needs.
struct WeChatApp: Sendable, Equatable {
    let id: String
    let secret: String
}

/// What `jscode2session` answers for a valid code. `sessionKey` decrypts data the mini-program
/// gets from WeChat; it stays inside this service and is never sent to a client or logged.
struct WeChatSession: Sendable {
    let openID: String
    /// Present when the mini-program belongs to a WeChat open-platform account: the same person has
    /// the same union id in every app of that account.
    let unionID: String?
    let sessionKey: String
}
