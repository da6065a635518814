import JSON
import Mesh
import ServiceKit

/// `scenes.create` for other services (see `ScenesCreate`): the payload is at most
/// `SceneStore.maxPayloadBytes` of JSON, the lifetime within `SceneStore.lifetimeRange`.
enum CreateSceneOperation {
    static func register(on handlers: inout InternalHandlers, scenes: SceneStore) {
        handlers.on(ScenesCreate.self) { request, call, _ in
            let key = try call.checkedIdempotencyKey()
            guard JSONValue.object(request.payload).serializedBytes().count <= SceneStore.maxPayloadBytes else {
                return .failure(
                    .invalidParams, "payload must be at most \(SceneStore.maxPayloadBytes) bytes of JSON")
            }
            var lifetime = SceneStore.defaultLifetimeSeconds
            if let given = request.lifetimeSeconds {
                let range = SceneStore.lifetimeRange
                guard let seconds = Int(exactly: given), range.contains(seconds) else {
                    return .failure(
                        .invalidParams, "ttl_seconds must be from \(range.lowerBound) to \(range.upperBound)")
                }
                lifetime = seconds
            }
            switch try await scenes.create(
                account: request.accountID, payload: request.payload, lifetimeSeconds: lifetime, idempotencyKey: key)
            {
            case .created(let sceneID): return .ok(ScenesCreate.Reply(sceneID: sceneID))
            case .unknownAccount: return .failure(.accountNotFound, "no account \(request.accountID)")
            case .keyReused: return .failure(.invalidParams, "this Idempotency-Key was used with other parameters")
            }
        }
    }
}
