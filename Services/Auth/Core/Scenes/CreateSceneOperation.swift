import JSON
import ServiceKit

/// `POST /internal/scenes.create` for other services: `{"account_id","payload":{…},"ttl_seconds"?}`
/// with an `Idempotency-Key` → `{"scene_id"}`. The scene id is what a mini-program code carries as
/// its scene value; O2O `loginWithSceneId` turns it into a sign-in of the account and hands the
/// payload to the page. A retry with the same key answers the same scene.
enum CreateSceneOperation {
    static func register(on handlers: inout InternalHandlers, scenes: SceneStore) {
        handlers.on("scenes.create") { call, _ in
            guard let key = call.idempotencyKey, (1...128).contains(key.utf8.count) else {
                return .failure(.invalidParams, "an Idempotency-Key of 1 to 128 characters is required")
            }
            guard let account = call.parameters["account_id"]?.scalarText.flatMap({ Int64($0) }), account > 0 else {
                return .failure(.invalidParams, "account_id must be a positive account id")
            }
            guard case .object(let payload)? = call.parameters["payload"] else {
                return .failure(.invalidParams, "payload must be a JSON object")
            }
            guard JSONValue.object(payload).serializedBytes().count <= SceneStore.maxPayloadBytes else {
                return .failure(.invalidParams, "payload must be at most \(SceneStore.maxPayloadBytes) bytes of JSON")
            }
            var lifetime = SceneStore.defaultLifetimeSeconds
            if let given = call.parameters["ttl_seconds"], given != .null {
                guard let seconds = given.scalarText.flatMap({ Int($0) }), SceneStore.lifetimeRange.contains(seconds)
                else {
                    let range = SceneStore.lifetimeRange
                    return .failure(
                        .invalidParams, "ttl_seconds must be from \(range.lowerBound) to \(range.upperBound)")
                }
                lifetime = seconds
            }
            switch try await scenes.create(
                account: account, payload: payload, lifetimeSeconds: lifetime, idempotencyKey: key)
            {
            case .created(let sceneID): return .ok(.object(["scene_id": .string(sceneID)]))
            case .unknownAccount: return .failure(.accountNotFound, "no account \(account)")
            case .keyReused: return .failure(.invalidParams, "this Idempotency-Key was used with other parameters")
            }
        }
    }
}
