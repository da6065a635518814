import Crypto
import JSON
import Mesh
import Postgres
import ServiceKit

/// Accounts and sessions made to order (`FactoryAccountsCreate`, `FactorySessionsOpen`), for tests and
/// development set-ups of the other services, so that none of them writes into auth's tables; never
/// registered in production.
enum FactoryOperations {
    static let revokedReasons: Set<String> = ["logout", "replaced", "password_changed"]

    static func register(on handlers: inout InternalHandlers, database: PostgresPool, sessions: SessionStore) {
        handlers.on(FactoryAccountsCreate.self) { request, _, _ in
            if let mobile = request.mobile, !MobileNumber.isValid(mobile) {
                throw InputProblem("mobile", .malformed("手机号须为 1 开头的 11 位数字"))
            }
            let openID = SecureRandom.token(bytes: 16)
            let rows = try await database.query(
                """
                INSERT INTO auth.accounts (mobile, email, open_id) VALUES (\(request.mobile), \(request.email), \(openID))
                ON CONFLICT DO NOTHING
                RETURNING id
                """)
            guard let row = rows.first else { return .failure(.accountExists, "the mobile or e-mail is taken") }
            return .ok(FactoryAccountsCreate.Reply(accountID: try row.decode("id", as: Int64.self), openID: openID))
        }
        handlers.on(FactorySessionsOpen.self) { request, _, _ in
            guard SessionScope.isValid(request.scope) else {
                throw InputProblem("dialect", .malformed("须为 train、o2o、c2c、yaf、mobile 或 admin"))
            }
            if let reason = request.revokedReason, !revokedReasons.contains(reason) {
                throw InputProblem("revoked_reason", .malformed("须为 logout、replaced 或 password_changed"))
            }
            let token = try await sessions.open(
                account: request.accountID, scope: request.scope, role: request.role?.rawValue)
            if let reason = request.revokedReason {
                try await database.execute(
                    """
                    UPDATE auth.sessions SET revoked_at = now(), revoked_reason = \(reason)
                     WHERE token_hash = \(SessionStore.hash(token))
                    """)
            }
            return .ok(FactorySessionsOpen.Reply(token: token))
        }
    }
}
