import HTTPCore
import JSON
import Mesh
import ServiceKit

/// `POST /internal/admin/login` `{"username","password"}` → `{"token"}`, and
/// `POST /internal/admin/logout` `{"token"}`, for the gateway's admin surface.
enum AdminSessionRoutes {
    static func make(admins: AdminAccounts, sessions: SessionStore) -> [Route] {
        [
            .post("/internal/admin/login") { context in
                guard case .object(let body)? = try? JSONValue.parse(context.request.body),
                    let username = body["username"]?.stringValue, let password = body["password"]?.stringValue,
                    (1...64).contains(username.utf8.count), (1...128).contains(password.utf8.count)
                else {
                    return CanonicalReply.failure(.invalidParams, "username and password are required").httpResponse
                }
                switch try await admins.signIn(username: username, password: password) {
                case .success(let token):
                    return CanonicalReply.ok(.object(["token": .string(token)])).httpResponse
                case .failure(let refusal):
                    return refusal.reply.httpResponse
                }
            },
            .post("/internal/admin/logout") { context in
                guard case .object(let body)? = try? JSONValue.parse(context.request.body),
                    let token = body["token"]?.stringValue, (1...128).contains(token.utf8.count)
                else {
                    return CanonicalReply.failure(.invalidParams, "token is required").httpResponse
                }
                try await sessions.revoke(scope: SessionScope.admin, token: token)
                return CanonicalReply.ok().httpResponse
            },
        ]
    }
}
