import Crypto
import JSON
import Postgres

/// Scenes in `auth.scenes`: made by other services (orders, for the mini-program jump) with an
/// idempotency key, claimed by O2O `loginWithSceneId`.
struct SceneStore: Sendable {
    /// Scene lifetimes a creator may ask for, and the one it gets when it asks for none.
    static let lifetimeRange = 60...(7 * 24 * 3600)
    static let defaultLifetimeSeconds = 1800
    /// Largest payload, as JSON text.
    static let maxPayloadBytes = 2048

    let database: PostgresPool

    /// The outcome of creating a scene.
    enum Creation: Sendable, Equatable {
        case created(sceneID: String)
        /// The account does not exist.
        case unknownAccount
        /// The idempotency key was used before with other parameters.
        case keyReused
    }

    /// A new scene for `account` carrying `payload`, or the scene an earlier call with the same
    /// `idempotencyKey` and the same parameters made.
    func create(
        account: Int64, payload: JSONObject, lifetimeSeconds: Int, idempotencyKey: String
    ) async throws
        -> Creation
    {
        let payloadText = JSONValue.object(payload).serialized()
        let requestHash = Digest.sha256("\(account)\n\(lifetimeSeconds)\n\(payloadText)")
        return try await database.transaction { transaction in
            _ = try await transaction.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(\("scene-key:" + idempotencyKey), 0))")
            let earlier = try await transaction.query(
                "SELECT id, request_hash FROM auth.scenes WHERE idempotency_key = \(idempotencyKey)")
            if let row = earlier.first {
                guard try row.decode("request_hash", as: [UInt8].self) == requestHash else { return .keyReused }
                return .created(sceneID: try row.decode("id", as: String.self))
            }
            let accounts = try await transaction.query("SELECT 1 AS found FROM auth.accounts WHERE id = \(account)")
            guard !accounts.isEmpty else { return .unknownAccount }
            try await transaction.execute(
                """
                DELETE FROM auth.scenes
                 WHERE id IN (SELECT id FROM auth.scenes WHERE expires_at < now() - interval '7 days' LIMIT 100)
                """)
            let sceneID = SecureRandom.token(bytes: 16)
            try await transaction.execute(
                """
                INSERT INTO auth.scenes (id, account_id, payload, idempotency_key, request_hash, expires_at)
                VALUES (\(sceneID), \(account), \(payloadText)::json, \(idempotencyKey), \(requestHash),
                        now() + make_interval(secs => \(lifetimeSeconds)))
                """)
            return .created(sceneID: sceneID)
        }
    }

    /// Whether `text` has the shape of a scene id (32 lower-case hex characters).
    static func isSceneID(_ text: String) -> Bool {
        text.utf8.count == 32
            && text.utf8.allSatisfy {
                ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                    || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f"))
            }
    }
}
