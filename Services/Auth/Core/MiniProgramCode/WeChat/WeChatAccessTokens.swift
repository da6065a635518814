/// The access tokens the code client uses, shared by its calls: one fetch per app at a time (calls
/// that need a token meanwhile wait for that fetch), kept in an `AccessTokenCache`.
actor WeChatAccessTokens {
    typealias Fetch = @Sendable (WeChatApp) async throws(MiniProgramCodeError) -> WeChatAccessToken

    private let fetch: Fetch
    private var cache = AccessTokenCache<ContinuousClock.Instant>()
    private var fetching: [String: Task<Result<WeChatAccessToken, MiniProgramCodeError>, Never>] = [:]

    init(fetch: @escaping Fetch) {
        self.fetch = fetch
    }

    /// A usable token of `app`: the cached one, or a new one.
    func token(for app: WeChatApp) async throws(MiniProgramCodeError) -> String {
        if let token = cache.token(app: app.id, at: .now) { return token }
        let task: Task<Result<WeChatAccessToken, MiniProgramCodeError>, Never>
        if let running = fetching[app.id] {
            task = running
        } else {
            let fetch = self.fetch
            task = Task {
                do throws(MiniProgramCodeError) {
                    return .success(try await fetch(app))
                } catch {
                    return .failure(error)
                }
            }
            fetching[app.id] = task
        }
        let result = await task.value
        // Another call may have started a newer fetch while this one waited: leave that one alone.
        if fetching[app.id] == task {
            fetching[app.id] = nil
            if case .success(let token) = result { cache.store(token, app: app.id, at: .now) }
        }
        return try result.get().value
    }

    /// Drops `token` of `app` after WeChat refused it.
    func forget(_ token: String, app: WeChatApp) {
        cache.forget(token, app: app.id)
    }
}
