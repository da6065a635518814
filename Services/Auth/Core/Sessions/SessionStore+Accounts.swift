import Postgres

extension SessionStore {
    /// Opens a session for `account` in `scope` on `app` and ends the account's earlier sessions on
    /// the same app beyond the scope's limit (`sessionsPerAccount`, one unless set), oldest first: a
    /// client holding an ended token is then told it was signed in elsewhere. Logins of one account and
    /// app queue on a transaction lock, so no more than the limit survive.
    func openReplacing(
        account: Int64, scope: String, app: String, openID: String?, role: String? = nil
    ) async throws -> String {
        let earlierKept = max(1, sessionsPerAccount[scope] ?? 1) - 1
        return try await database.transaction { transaction in
            _ = try await transaction.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(\("session:\(scope):\(app):\(account)"), 0))")
            try await transaction.execute(
                """
                UPDATE auth.sessions SET revoked_at = now(), revoked_reason = 'replaced'
                 WHERE token_hash IN (
                       SELECT token_hash FROM auth.sessions
                        WHERE account_id = \(account) AND dialect = \(scope) AND app = \(app) AND revoked_at IS NULL
                        ORDER BY (expires_at > now()) DESC, created_at DESC, token_hash
                       OFFSET \(earlierKept))
                """)
            return try await open(
                account: account, scope: scope, app: app, openID: openID, role: role, on: transaction)
        }
    }

    /// Ends every client session of `account` (the admin surface's sessions are other accounts) but
    /// the one of `keepingToken`: their clients are told the password changed.
    func revokeAfterPasswordChange(
        account: Int64, keepingToken: String?, on queryable: some PostgresQueryable
    ) async throws {
        let kept = keepingToken.map(SessionStore.hash) ?? []
        try await queryable.execute(
            """
            UPDATE auth.sessions SET revoked_at = now(), revoked_reason = 'password_changed'
             WHERE account_id = \(account) AND dialect <> 'admin' AND revoked_at IS NULL AND token_hash <> \(kept)
            """)
    }
}
