import Crypto
import Postgres

/// Sessions written straight into the auth schema, standing in for logins (tokens are stored as
/// their SHA-256, as the auth service does).
enum TestSessions {
    static func open(
        _ mesh: TestMesh, dialect: String, account: Int64, revokedReason: String? = nil
    ) async throws
        -> String
    {
        let token = SecureRandom.token(bytes: 16)
        let hash = Digest.sha256(token)
        _ = try await mesh.withDatabase { pool in
            try await pool.execute(
                """
                INSERT INTO auth.sessions (token_hash, account_id, dialect, expires_at, revoked_at, revoked_reason)
                VALUES (\(hash), \(account), \(dialect), now() + interval '1 day',
                        CASE WHEN \(revokedReason)::text IS NULL THEN NULL ELSE now() END, \(revokedReason))
                """)
        }
        return token
    }
}
