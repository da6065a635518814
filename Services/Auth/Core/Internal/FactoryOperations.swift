import Crypto
import JSON
import Mesh
import Postgres
import ServiceKit

/// Accounts and sessions made to order, for tests and development set-ups of the other services, so
/// that none of them writes into auth's tables (never registered in production):
/// - `factory.accounts.create` `{"mobile"?,"email"?}` → `{"account_id","open_id"}`: an account without a
///   password, like one made by a code sign-up;
/// - `factory.sessions.open` `{"account_id","dialect","role"?,"revoked_reason"?}` → `{"token"}`: a session
///   of that account in that dialect, already ended for the reason when one is given (`logout`,
///   `replaced`, `password_changed`).
enum FactoryOperations {
    static let revokedReasons: Set<String> = ["logout", "replaced", "password_changed"]

    static func register(on handlers: inout InternalHandlers, database: PostgresPool, sessions: SessionStore) {
        handlers.on("factory.accounts.create") { call, _ in
            let parameters = Parameters(call.parameters)
            let mobile = try parameters.mobile("mobile")
            let email = try parameters.text("email", maxLength: 254)
            let openID = SecureRandom.token(bytes: 16)
            let rows = try await database.query(
                """
                INSERT INTO auth.accounts (mobile, email, open_id) VALUES (\(mobile), \(email), \(openID))
                ON CONFLICT DO NOTHING
                RETURNING id
                """)
            guard let row = rows.first else { return .failure(.accountExists, "the mobile or e-mail is taken") }
            return .ok([
                "account_id": .string(String(try row.decode("id", as: Int64.self))), "open_id": .string(openID),
            ])
        }
        handlers.on("factory.sessions.open") { call, _ in
            let parameters = Parameters(call.parameters)
            let account = try parameters.id("account_id")
            let dialect = try parameters.required("dialect", maxLength: 16)
            guard Dialect(rawValue: dialect) != nil || dialect == SessionScope.admin else {
                throw InputProblem("dialect", .malformed("须为 train、o2o、c2c、yaf、mobile 或 admin"))
            }
            let role = try parameters.choice("role", among: Set(CallerRole.allCases.map(\.rawValue)))
            let reason = try parameters.choice("revoked_reason", among: revokedReasons)
            let token = try await sessions.open(account: account, scope: dialect, role: role)
            if let reason {
                try await database.execute(
                    """
                    UPDATE auth.sessions SET revoked_at = now(), revoked_reason = \(reason)
                     WHERE token_hash = \(SessionStore.hash(token))
                    """)
            }
            return .ok(["token": .string(token)])
        }
    }
}
