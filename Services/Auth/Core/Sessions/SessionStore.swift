import Crypto
import Foundation
import Mesh
import Postgres
import ServiceKit

/// What a token resolves to.
enum SessionLookup: Sendable, Equatable {
    case valid(CallerIdentity)
    case refused(ReplyKind, String)
}

/// Sessions and nonces in the `auth` schema: look a token up (sliding its expiry), claim a nonce
/// once. Tokens are kept only as their SHA-256.
struct SessionStore: Sendable {
    let database: PostgresPool
    /// How long a session lives after its last use (the app base API document's 30 days).
    var slidingLifetime: Duration = .seconds(30 * 24 * 3600)
    /// How long a claimed nonce is remembered.
    var nonceLifetime: Duration = .seconds(24 * 3600)
    /// Live sessions one account may hold per scope and app (a dialect's raw value → count); a scope
    /// not named has one, and a new sign-in ends the earlier session.
    var sessionsPerAccount: [String: Int] = [:]
    /// How the account facts a session carries write the registration time.
    var displayTime = DisplayTime.china

    static func hash(_ token: String) -> [UInt8] { Digest.sha256(token) }

    /// How often a session in use has its expiry slid forward: resolving is a read, and at most one
    /// resolve per session and interval writes.
    static let touchIntervalSeconds = 60

    /// The caller of `token` in `scope` (a dialect's raw value or `admin`), sliding its expiry (written
    /// at most once per `touchIntervalSeconds`, so the lifetime counts from the last use within that).
    func resolve(scope: String, token: String) async throws -> SessionLookup {
        let hash = SessionStore.hash(token)
        let rows = try await database.query(
            """
            SELECT s.account_id, s.open_id, s.role, s.revoked_reason,
                   s.revoked_at IS NULL AND s.expires_at > now() AS live,
                   s.last_used_at < now() - make_interval(secs => \(SessionStore.touchIntervalSeconds)) AS stale,
                   a.mobile, a.email, a.open_id AS public_id, a.created_at
              FROM auth.sessions s
              LEFT JOIN auth.accounts a ON a.id = s.account_id
             WHERE s.token_hash = \(hash) AND s.dialect = \(scope)
            """)
        guard let row = rows.first else { return .refused(.tokenInvalid, "token invalid or expired") }
        guard try row.decode("live", as: Bool.self) else {
            switch try row.decode("revoked_reason", as: String?.self) {
            case "replaced": return .refused(.tokenReplaced, "signed in elsewhere")
            case "password_changed": return .refused(.passwordChanged, "password changed, sign in again")
            default: return .refused(.tokenInvalid, "token invalid or expired")
            }
        }
        if try row.decode("stale", as: Bool.self) {
            let lifetime = Int(slidingLifetime.components.seconds)
            try await database.execute(
                """
                UPDATE auth.sessions
                   SET last_used_at = now(), expires_at = now() + make_interval(secs => \(lifetime))
                 WHERE token_hash = \(hash) AND revoked_at IS NULL AND expires_at > now()
                """)
        }
        let account = try row.decode("account_id", as: Int64.self)
        let facts = try row.decode("public_id", as: String?.self).map { publicID in
            AccountFacts(
                mobile: try row.decode("mobile", as: String?.self), email: try row.decode("email", as: String?.self),
                publicID: publicID, registeredAt: displayTime.format(try row.decode("created_at", as: Date.self)))
        }
        return .valid(
            CallerIdentity(
                userID: String(account), openID: try row.decode("open_id", as: String?.self),
                role: try row.decode("role", as: String?.self).flatMap(CallerRole.init(rawValue:)), facts: facts))
    }

    /// True the first time `nonce` is seen in `scope`. A claim lasts the nonce lifetime and, when it came
    /// with the session `token`, as long as that session is live besides (its expiry slides with use).
    func claimNonce(_ nonce: String, scope: String, token: String? = nil) async throws -> Bool {
        let lifetime = Int(nonceLifetime.components.seconds)
        let session = token.map(SessionStore.hash)
        let inserted = try await database.execute(
            """
            INSERT INTO auth.nonces (scope, nonce, expires_at, session_hash)
            VALUES (\(scope), \(nonce), now() + make_interval(secs => \(lifetime)), \(session))
            ON CONFLICT (scope, nonce) DO UPDATE
                SET expires_at = EXCLUDED.expires_at, session_hash = EXCLUDED.session_hash
                WHERE auth.nonces.expires_at <= now()
                  AND NOT EXISTS (
                      SELECT 1 FROM auth.sessions
                       WHERE token_hash = auth.nonces.session_hash AND revoked_at IS NULL AND expires_at > now())
            """)
        return inserted == 1
    }

    /// Creates a session for `account` in `scope` and returns its new token (32 hex characters,
    /// 128 random bits); inside `queryable`'s work when one is given.
    func open(
        account: Int64, scope: String, app: String = "", openID: String? = nil, role: String? = nil,
        on queryable: (any PostgresQueryable)? = nil
    ) async throws -> String {
        let token = SecureRandom.token(bytes: 16)
        let lifetime = Int(slidingLifetime.components.seconds)
        try await (queryable ?? database).execute(
            """
            INSERT INTO auth.sessions (token_hash, account_id, dialect, app, open_id, role, expires_at)
            VALUES (\(SessionStore.hash(token)), \(account), \(scope), \(app), \(openID), \(role),
                    now() + make_interval(secs => \(lifetime)))
            """)
        return token
    }
}

extension SessionStore {
    /// Ends the session of `token` in `scope` at once.
    func revoke(scope: String, token: String) async throws {
        try await database.execute(
            """
            UPDATE auth.sessions SET revoked_at = now(), revoked_reason = 'logout'
             WHERE token_hash = \(SessionStore.hash(token)) AND dialect = \(scope) AND revoked_at IS NULL
            """)
    }
}
