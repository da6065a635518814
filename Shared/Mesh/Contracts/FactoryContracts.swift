import JSON

/// `factory.accounts.create` on auth (outside production only): an account without a password, known by
/// `mobile` and/or `email`, for tests and development set-ups of the other services; `account_exists`
/// when either is taken.
public enum FactoryAccountsCreate: MeshContract {
    public static let service = ServiceName.auth
    public static let name = "factory.accounts.create"

    /// `{"mobile"?,"email"?}`.
    public struct Request: MeshMessage {
        public let mobile: String?
        public let email: String?

        public init(mobile: String?, email: String?) {
            self.mobile = mobile
            self.email = email
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            mobile = try fields.optionalText("mobile", maxLength: 11)
            email = try fields.optionalText("email", maxLength: 254)
        }

        public var json: JSONObject { ["mobile": .optional(mobile), "email": .optional(email)] }
    }

    /// `{"account_id","open_id"}`.
    public struct Reply: MeshMessage {
        public let accountID: Int64
        public let openID: String

        public init(accountID: Int64, openID: String) {
            self.accountID = accountID
            self.openID = openID
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            accountID = try fields.positiveInteger("account_id")
            openID = try fields.string("open_id")
        }

        public var json: JSONObject { ["account_id": .id(accountID), "open_id": .string(openID)] }
    }
}

/// `factory.sessions.open` on auth (outside production only): a session of an account in a dialect (or
/// `admin`), already ended for `revoked_reason` (`logout`, `replaced`, `password_changed`) when given.
public enum FactorySessionsOpen: MeshContract {
    public static let service = ServiceName.auth
    public static let name = "factory.sessions.open"

    /// `{"account_id","dialect","role"?,"revoked_reason"?}`.
    public struct Request: MeshMessage {
        public let accountID: Int64
        public let scope: String
        public let role: CallerRole?
        public let revokedReason: String?

        public init(accountID: Int64, scope: String, role: CallerRole? = nil, revokedReason: String? = nil) {
            self.accountID = accountID
            self.scope = scope
            self.role = role
            self.revokedReason = revokedReason
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            accountID = try fields.positiveInteger("account_id")
            scope = try fields.string("dialect")
            let roleText = try fields.optionalString("role")
            role = roleText.flatMap(CallerRole.init(rawValue:))
            guard roleText == nil || role != nil else { throw MeshProtocolError("role is not a caller role") }
            revokedReason = try fields.optionalText("revoked_reason", maxLength: 32)
        }

        public var json: JSONObject {
            [
                "account_id": .id(accountID), "dialect": .string(scope), "role": .optional(role?.rawValue),
                "revoked_reason": .optional(revokedReason),
            ]
        }
    }

    /// `{"token"}`.
    public struct Reply: MeshMessage {
        public let token: String

        public init(token: String) {
            self.token = token
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            token = try MeshFields(json).string("token")
        }

        public var json: JSONObject { ["token": .string(token)] }
    }
}
