import HTTPCore
import JSON
import Mesh
import ServiceKit

/// `POST /internal/sessions/resolve` for the gateway: `{"dialect","token"?,"nonce"?,"nonceScope"?}`
/// (`dialect` is a dialect's name or `admin`).
/// Claims the nonce (single use per scope) and resolves the token in one call; answers the caller
/// as `{"userId","openId","role"}` or the kind that refuses it.
enum ResolveSessionRoute {
    static func make(store: SessionStore) -> Route {
        .post("/internal/sessions/resolve") { context in
            guard case .object(let body)? = try? JSONValue.parse(context.request.body),
                let scope = body["dialect"]?.stringValue, SessionScope.isValid(scope)
            else {
                return CanonicalReply.failure(.invalidParams, "dialect is required").httpResponse
            }
            let token = body["token"]?.stringValue
            if let nonce = body["nonce"]?.stringValue {
                guard (1...64).contains(nonce.utf8.count) else {
                    return CanonicalReply.failure(.invalidParams, "nonceStr must be 1 to 64 characters").httpResponse
                }
                let nonceScope = "\(scope):\(body["nonceScope"]?.stringValue ?? "")"
                guard try await store.claimNonce(nonce, scope: nonceScope, token: token) else {
                    return CanonicalReply.failure(.replayed, "nonceStr was used before").httpResponse
                }
            }
            guard let token else { return CanonicalReply.ok().httpResponse }
            guard (1...128).contains(token.utf8.count) else {
                return CanonicalReply.failure(.tokenInvalid, "token invalid or expired").httpResponse
            }
            switch try await store.resolve(scope: scope, token: token) {
            case .valid(let caller):
                var data: JSONObject = ["userId": .string(caller.userID)]
                if let openID = caller.openID { data["openId"] = .string(openID) }
                if let role = caller.role { data["role"] = .string(role.rawValue) }
                return CanonicalReply.ok(.object(data)).httpResponse
            case .refused(let kind, let message):
                return CanonicalReply.failure(kind, message).httpResponse
            }
        }
    }
}
