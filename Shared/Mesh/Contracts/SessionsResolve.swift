import JSON

/// `sessions/resolve` on auth, for the gateway: claims a nonce (single use per scope) and resolves a
/// session token in one call; answers the caller, or the kind that refuses the token or the nonce.
public enum SessionsResolve: MeshContract {
    public static let service = ServiceName.auth
    public static let name = "sessions/resolve"

    /// `{"dialect","token"?,"nonce"?,"nonceScope"?}`; `dialect` is a dialect's name or `admin`.
    public struct Request: MeshMessage {
        public let scope: String
        public let token: String?
        public let nonce: String?
        /// What the nonce is single-use within, besides the scope (the train `appCode`).
        public let nonceScope: String?

        public init(scope: String, token: String?, nonce: String?, nonceScope: String?) {
            self.scope = scope
            self.token = token
            self.nonce = nonce
            self.nonceScope = nonceScope
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            scope = try fields.string("dialect")
            token = try fields.optionalString("token")
            nonce = try fields.optionalString("nonce")
            nonceScope = try fields.optionalString("nonceScope")
        }

        public var json: JSONObject {
            var json: JSONObject = ["dialect": .string(scope)]
            if let token { json["token"] = .string(token) }
            if let nonce { json["nonce"] = .string(nonce) }
            if let nonceScope { json["nonceScope"] = .string(nonceScope) }
            return json
        }
    }

    /// `{"userId","openId"?,"role"?,"publicId"?,"registeredAt"?,"mobile"?,"email"?}` for a resolved token (the
    /// account facts when the session has an account); no data when only a nonce was claimed.
    public struct Reply: MeshMessage {
        public let caller: CallerIdentity?

        public init(caller: CallerIdentity?) {
            self.caller = caller
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            guard let userID = try fields.optionalText("userId", maxLength: 64) else {
                caller = nil
                return
            }
            let facts = try fields.optionalString("publicId").map { publicID throws(MeshProtocolError) in
                AccountFacts(
                    mobile: try fields.optionalString("mobile"), email: try fields.optionalString("email"),
                    publicID: publicID, registeredAt: try fields.string("registeredAt"))
            }
            caller = CallerIdentity(
                userID: userID, openID: try fields.optionalString("openId"),
                role: try fields.optionalString("role").flatMap(CallerRole.init(rawValue:)), facts: facts)
        }

        public var json: JSONObject {
            guard let caller else { return JSONObject() }
            var json: JSONObject = ["userId": .string(caller.userID)]
            if let openID = caller.openID { json["openId"] = .string(openID) }
            if let role = caller.role { json["role"] = .string(role.rawValue) }
            if let facts = caller.facts {
                json["publicId"] = .string(facts.publicID)
                json["registeredAt"] = .string(facts.registeredAt)
                json["mobile"] = .optional(facts.mobile)
                json["email"] = .optional(facts.email)
            }
            return json
        }
    }
}
