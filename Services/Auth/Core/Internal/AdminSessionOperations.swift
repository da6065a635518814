import JSON
import Mesh
import ServiceKit

/// `admin/login` and `admin/logout` (see their contracts), for the gateway's admin surface.
enum AdminSessionOperations {
    static func register(on handlers: inout InternalHandlers, admins: AdminAccounts, sessions: SessionStore) {
        handlers.on(AdminLogin.self) { request, _, _ in
            switch try await admins.signIn(username: request.username, password: request.password) {
            case .success(let token): return .ok(AdminLogin.Reply(token: token))
            case .failure(let refusal): return .refused(refusal.reply)
            }
        }
        handlers.on(AdminLogout.self) { request, _, _ in
            try await sessions.revoke(scope: SessionScope.admin, token: request.token)
            return .ok(MeshEmpty())
        }
    }
}
