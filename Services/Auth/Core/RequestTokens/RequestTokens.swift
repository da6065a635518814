import Crypto
import Postgres

/// Anti-duplicate request tokens (`auth.request_tokens`): handed out in small batches, each good for
/// one submission within its lifetime, stored only as its SHA-256.
struct RequestTokens: Sendable {
    /// Tokens per call, from the app base API document's `number` rule.
    static let batchRange = 1...5

    let database: PostgresPool
    var lifetimeSeconds = 30 * 60

    /// `count` new tokens, owned by `account` when the caller is signed in. Expired tokens are swept
    /// a few at a time on the way.
    func issue(count: Int, account: Int64?) async throws -> [String] {
        let tokens = (0..<count).map { _ in SecureRandom.token(bytes: 16) }
        let lifetime = lifetimeSeconds
        try await database.transaction { transaction in
            try await transaction.execute(
                """
                DELETE FROM auth.request_tokens
                 WHERE token_hash IN (SELECT token_hash FROM auth.request_tokens WHERE expires_at < now() LIMIT 100)
                """)
            for token in tokens {
                try await transaction.execute(
                    """
                    INSERT INTO auth.request_tokens (token_hash, account_id, expires_at)
                    VALUES (\(Digest.sha256(token)), \(account), now() + make_interval(secs => \(lifetime)))
                    """)
            }
        }
        return tokens
    }
}
