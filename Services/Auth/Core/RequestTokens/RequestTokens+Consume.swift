import Crypto
import Foundation
import Postgres

extension RequestTokens {
    /// What came of using a request token.
    enum Use: Sendable, Equatable {
        /// The token is used now, or was used by this same key before (a retry): `owner` is the account it
        /// was issued to, nil for a token issued without a session.
        case used(owner: Int64?, at: Date)
        /// No such token, or it belongs to another account (the two are not told apart).
        case unknown
        /// The token's lifetime is over.
        case expired
        /// Another call used the token before.
        case usedBefore
        /// The idempotency key already used another token.
        case keyReused
    }

    /// Uses `token` once for `account` under idempotency key `key`: one conditional `UPDATE` marks it
    /// used, so of two calls at once exactly one gets it; the same key again answers the same use. A
    /// token issued to an account is refused to any other caller (and to a caller without an account); a
    /// token issued without a session may be used by anyone.
    func consume(_ token: String, account: Int64?, key: String) async throws -> Use {
        let hash = Digest.sha256(token)
        let marked: PostgresRows
        do {
            marked = try await database.query(
                """
                UPDATE auth.request_tokens SET used_at = now(), used_key = \(key), used_by = \(account)
                 WHERE token_hash = \(hash) AND used_at IS NULL AND expires_at > now()
                   AND (account_id IS NULL OR account_id = \(account))
                RETURNING account_id, used_at
                """)
        } catch let error as PostgresError where error.isUniqueViolation {
            return .keyReused
        }
        if let row = marked.first {
            return .used(owner: try row.decode("account_id"), at: try row.decode("used_at"))
        }
        let rows = try await database.query(
            """
            SELECT account_id, used_at, used_key, used_by, expires_at > now() AS alive
              FROM auth.request_tokens WHERE token_hash = \(hash)
            """)
        guard let row = rows.first else { return .unknown }
        let owner: Int64? = try row.decode("account_id")
        if let owner, owner != account { return .unknown }
        if let usedAt: Date = try row.decode("used_at") {
            let usedKey: String? = try row.decode("used_key")
            let usedBy: Int64? = try row.decode("used_by")
            return usedKey == key && usedBy == account ? .used(owner: owner, at: usedAt) : .usedBefore
        }
        return try row.decode("alive", as: Bool.self) ? .unknown : .expired
    }
}
