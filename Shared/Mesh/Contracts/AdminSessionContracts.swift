import JSON

/// `admin/login` on auth, for the gateway's admin surface: a username and password become an admin
/// session token, or the refusal (wrong password, locked).
public enum AdminLogin: MeshContract {
    public static let service = ServiceName.auth
    public static let name = "admin/login"

    /// `{"username","password"}`: 1 to 64 and 1 to 128 bytes.
    public struct Request: MeshMessage {
        public let username: String
        public let password: String

        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            username = try fields.string("username")
            password = try fields.string("password")
            guard (1...64).contains(username.utf8.count) else { throw .invalid("username", "1 to 64 bytes") }
            guard (1...128).contains(password.utf8.count) else { throw .invalid("password", "1 to 128 bytes") }
        }

        public var json: JSONObject { ["username": .string(username), "password": .string(password)] }
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

/// `admin/logout` on auth: ends an admin session.
public enum AdminLogout: MeshContract {
    public typealias Reply = MeshEmpty
    public static let service = ServiceName.auth
    public static let name = "admin/logout"

    /// `{"token"}`: 1 to 128 bytes.
    public struct Request: MeshMessage {
        public let token: String

        public init(token: String) {
            self.token = token
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            token = try MeshFields(json).string("token")
            guard (1...128).contains(token.utf8.count) else { throw .invalid("token", "1 to 128 bytes") }
        }

        public var json: JSONObject { ["token": .string(token)] }
    }
}
