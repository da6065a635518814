import JSON
import Mesh
import ServiceKit

/// `sessions/resolve` for the gateway (see `SessionsResolve`): claims the nonce (single use per
/// scope) and resolves the token in one call.
enum ResolveSessionOperation {
    static func register(on handlers: inout InternalHandlers, store: SessionStore) {
        handlers.on(SessionsResolve.self) { request, _, _ in
            let scope = request.scope
            guard SessionScope.isValid(scope) else {
                return .failure(.invalidParams, "dialect must be a dialect's name or admin")
            }
            if let nonce = request.nonce {
                guard (1...64).contains(nonce.utf8.count) else {
                    return .failure(.invalidParams, "nonceStr must be 1 to 64 characters")
                }
                let nonceScope = "\(scope):\(request.nonceScope ?? "")"
                guard try await store.claimNonce(nonce, scope: nonceScope, token: request.token) else {
                    return .failure(.replayed, "nonceStr was used before")
                }
            }
            guard let token = request.token else { return .ok(SessionsResolve.Reply(caller: nil)) }
            guard (1...128).contains(token.utf8.count) else {
                return .failure(.tokenInvalid, "token invalid or expired")
            }
            switch try await store.resolve(scope: scope, token: token) {
            case .valid(let caller): return .ok(SessionsResolve.Reply(caller: caller))
            case .refused(let kind, let message): return .failure(kind, message)
            }
        }
    }
}
