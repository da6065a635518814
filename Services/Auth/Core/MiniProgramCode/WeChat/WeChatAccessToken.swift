/// An access token of WeChat's API (`cgi-bin/token`) and how long WeChat said it lives.
struct WeChatAccessToken: Sendable, Equatable {
    let value: String
    let lifetimeSeconds: Int
}

/// The access tokens of several apps, each used until shortly before it expires: five minutes before
/// (half its life for one shorter than ten minutes), so a call never goes out with a token about to die.
/// A value over the clock's instants, so tests move time by hand.
struct AccessTokenCache<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    static var refreshMargin: Duration { .seconds(300) }

    private var entries: [String: (token: String, refreshAt: Instant)] = [:]

    init() {}

    /// The usable token of `app` at `now`, if there is one.
    func token(app: String, at now: Instant) -> String? {
        guard let entry = entries[app], now < entry.refreshAt else { return nil }
        return entry.token
    }

    /// Keeps `token` of `app`, fetched at `now`.
    mutating func store(_ token: WeChatAccessToken, app: String, at now: Instant) {
        let lifetime = Duration.seconds(token.lifetimeSeconds)
        let margin = lifetime > Self.refreshMargin * 2 ? Self.refreshMargin : lifetime / 2
        entries[app] = (token.value, now.advanced(by: lifetime - margin))
    }

    /// Drops `token` of `app` after WeChat refused it; a newer token stored meanwhile stays.
    mutating func forget(_ token: String, app: String) {
        if entries[app]?.token == token { entries[app] = nil }
    }
}
