import HTTPClient
import HTTPCore
import JSON
import Mesh
import ServiceKit
import Synchronization

/// What the auth service said about a token.
enum SessionAnswer: Sendable, Equatable {
    /// The token is valid (the identity), or no token was asked about and the nonce is claimed (nil).
    case valid(CallerIdentity?)
    /// The token is unknown, expired, revoked, replaced or the nonce was used: answer `kind`.
    case refused(ReplyKind, message: String)
}

/// Resolves session tokens through the auth service (`POST /internal/sessions/resolve`), caching
/// valid answers for at most `cacheSeconds`. A call that claims a nonce always asks auth, so a
/// replay is caught across gateway replicas; a logout passing through drops its token at once.
final class SessionResolver: Sendable {
    private struct Entry {
        let identity: CallerIdentity
        let expires: ContinuousClock.Instant
    }

    private let client: HTTPClient
    private let auth: Upstream
    private let internalKey: String
    private let cacheDuration: Duration
    private let maxEntries: Int
    private let cache = Mutex<[String: Entry]>([:])

    init(
        client: HTTPClient, auth: Upstream, internalKey: String, cacheDuration: Duration = .seconds(2),
        maxEntries: Int = 100_000
    ) {
        self.client = client
        self.auth = auth
        self.internalKey = internalKey
        self.cacheDuration = cacheDuration
        self.maxEntries = maxEntries
    }

    /// Resolves `token` of `dialect` and claims `nonce` in the same call, either being optional.
    /// Without a token the answer is `.valid` with no identity once the nonce is claimed.
    func resolve(
        dialect: Dialect, token: String?, nonce: String?, nonceScope: String?, requestID: String
    )
        async throws(HTTPClientError) -> SessionAnswer
    {
        try await resolve(
            scope: dialect.rawValue, token: token, nonce: nonce, nonceScope: nonceScope, requestID: requestID)
    }

    /// The same for a scope that is not a dialect (`admin`).
    func resolve(
        scope: String, token: String?, nonce: String?, nonceScope: String?, requestID: String
    )
        async throws(HTTPClientError) -> SessionAnswer
    {
        let key = "\(scope):\(token ?? "")"
        if nonce == nil, token != nil, let identity = cached(key) { return .valid(identity) }
        let parameters = SessionsResolve.Request(scope: scope, token: token, nonce: nonce, nonceScope: nonceScope)
        var request = HTTPRequest(
            method: .post, target: "/internal/\(SessionsResolve.name)",
            headers: [
                "Content-Type": "application/json", MeshHeaders.internalKey: internalKey,
                MeshHeaders.requestID: requestID,
            ],
            body: JSONValue.object(parameters.json).serializedBytes())
        request.headers.add("Idempotency-Key", requestID)
        let response = try await client.send(request, to: auth)
        let reply: CanonicalReply
        do {
            reply = try CanonicalReply(response: response)
        } catch {
            throw HTTPClientError(.malformedResponse, upstream: auth.description, detail: "\(error)")
        }
        guard reply.kind == .ok else {
            cache.withLock { _ = $0.removeValue(forKey: key) }
            return .refused(reply.kind, message: reply.message)
        }
        guard token != nil else { return .valid(nil) }
        let answer: SessionsResolve.Reply
        do {
            answer = try SessionsResolve.Reply(json: reply.data?.objectValue ?? JSONObject())
        } catch {
            return .refused(.internal, message: "auth answered outside its contract: \(error)")
        }
        guard let identity = answer.caller else { return .refused(.internal, message: "auth answered without a user") }
        store(key, identity)
        return .valid(identity)
    }

    /// Forgets a token at once (its logout went through this gateway).
    func forget(dialect: Dialect, token: String) { forget(scope: dialect.rawValue, token: token) }

    func forget(scope: String, token: String) {
        _ = cache.withLock { $0.removeValue(forKey: "\(scope):\(token)") }
    }

    /// Forgets every cached session of `account` (auth said its facts or sessions changed).
    func forget(account: Int64) {
        let userID = String(account)
        cache.withLock { entries in
            for (key, entry) in entries where entry.identity.userID == userID { entries[key] = nil }
        }
    }

    private func cached(_ key: String) -> CallerIdentity? {
        cache.withLock { entries in
            guard let entry = entries[key] else { return nil }
            if entry.expires < ContinuousClock.now {
                entries[key] = nil
                return nil
            }
            return entry.identity
        }
    }

    private func store(_ key: String, _ identity: CallerIdentity) {
        let now = ContinuousClock.now
        cache.withLock { entries in
            if entries.count >= maxEntries { entries = entries.filter { $0.value.expires > now } }
            if entries.count < maxEntries { entries[key] = Entry(identity: identity, expires: now + cacheDuration) }
        }
    }
}
