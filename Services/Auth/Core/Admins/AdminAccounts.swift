import Crypto
import Mesh
import Postgres
import ServiceKit

/// Operator accounts: the first one comes from configuration at start-up; sign-in checks the
/// password (slow hash, off the request threads) and locks the account after repeated failures.
struct AdminAccounts: Sendable {
    let database: PostgresPool
    let sessions: SessionStore
    var hasher = PasswordHasher()
    var maxFailures = 5
    var lockSeconds = 15 * 60

    /// Creates `username` with `password` unless an admin of that name exists.
    func ensureFirstAdmin(username: String, password: String) async throws {
        let existing = try await database.query("SELECT 1 FROM auth.admins WHERE username = \(username)")
        guard existing.isEmpty else { return }
        let hasher = self.hasher
        let hash = try await BlockingWork.run { try hasher.hash(password) }
        try await database.execute(
            "INSERT INTO auth.admins (username, password_hash) VALUES (\(username), \(hash)) ON CONFLICT DO NOTHING")
    }

    /// A new admin session token, or the reply that refuses the sign-in.
    func signIn(username: String, password: String) async throws -> Result<String, CanonicalReplyFailure> {
        let rows = try await database.query(
            """
            SELECT id, password_hash, locked_until > now() AS locked
              FROM auth.admins WHERE username = \(username)
            """)
        guard let row = rows.first else {
            // Same work and answer as a wrong password, so names cannot be probed.
            let hasher = self.hasher
            _ = try await BlockingWork.run { hasher.verify(password, against: AdminAccounts.decoyHash) }
            return .failure(CanonicalReplyFailure(.wrongPassword, "wrong username or password"))
        }
        let id = try row.decode("id", as: Int64.self)
        if try row.decode("locked", as: Bool?.self) == true {
            return .failure(CanonicalReplyFailure(.accountLocked, "too many wrong passwords, try again later"))
        }
        let stored = try row.decode("password_hash", as: String.self)
        let hasher = self.hasher
        let matches = try await BlockingWork.run { hasher.verify(password, against: stored) }
        guard matches else {
            try await database.execute(
                """
                UPDATE auth.admins
                   SET failed_attempts = failed_attempts + 1,
                       locked_until = CASE WHEN failed_attempts + 1 >= \(maxFailures)
                                           THEN now() + make_interval(secs => \(lockSeconds)) END
                 WHERE id = \(id)
                """)
            return .failure(CanonicalReplyFailure(.wrongPassword, "wrong username or password"))
        }
        try await database.execute("UPDATE auth.admins SET failed_attempts = 0, locked_until = NULL WHERE id = \(id)")
        return .success(try await sessions.open(account: id, scope: SessionScope.admin, role: "admin"))
    }

    /// A fixed hash for unknown names, so their sign-in costs what a real one does.
    static let decoyHash = "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
}

/// A refusal carried as a `Result` failure.
struct CanonicalReplyFailure: Error, Sendable {
    let reply: CanonicalReply
    init(_ kind: ReplyKind, _ message: String) { reply = .failure(kind, message) }
}
