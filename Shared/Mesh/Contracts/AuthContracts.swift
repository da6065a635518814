import JSON

/// `accounts.get` on auth: what auth knows of an account that other services show, or `not_found`.
public enum AccountsGet: MeshContract {
    public typealias Request = AccountRequest
    public static let service = ServiceName.auth
    public static let name = "accounts.get"

    /// `{"account_id","mobile","email","open_id","registered_at"}`; mobile and e-mail null when not bound.
    public struct Reply: MeshMessage {
        public let accountID: Int64
        public let mobile: String?
        public let email: String?
        /// The account's public open id.
        public let openID: String
        /// `yyyy-MM-dd HH:mm:ss`, as auth renders it.
        public let registeredAt: String

        public init(accountID: Int64, mobile: String?, email: String?, openID: String, registeredAt: String) {
            self.accountID = accountID
            self.mobile = mobile
            self.email = email
            self.openID = openID
            self.registeredAt = registeredAt
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            accountID = try fields.positiveInteger("account_id")
            mobile = try fields.optionalString("mobile")
            email = try fields.optionalString("email")
            openID = try fields.string("open_id")
            registeredAt = try fields.string("registered_at")
        }

        public var json: JSONObject {
            [
                "account_id": .id(accountID), "mobile": .optional(mobile), "email": .optional(email),
                "open_id": .string(openID), "registered_at": .string(registeredAt),
            ]
        }
    }
}

/// `paypwd.verify` on auth: checks an account's pay password; `ok`, or `pay_password_wrong`,
/// `pay_password_not_set`, `account_locked` (wrong tries lock the pay password for a while).
public enum PayPasswordVerify: MeshContract {
    public typealias Reply = MeshEmpty
    public static let service = ServiceName.auth
    public static let name = "paypwd.verify"

    /// `{"account_id","pay_password"}`; an empty pay password is refused as not set.
    public struct Request: MeshMessage {
        public let accountID: Int64
        public let payPassword: String

        public init(accountID: Int64, payPassword: String) {
            self.accountID = accountID
            self.payPassword = payPassword
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            accountID = try fields.positiveInteger("account_id")
            payPassword = try fields.optionalString("pay_password") ?? ""
        }

        public var json: JSONObject { ["account_id": .id(accountID), "pay_password": .string(payPassword)] }
    }
}

/// `scenes.create` on auth (mutating): a scene id that a mini-program code carries, which O2O
/// `loginWithSceneId` turns into a sign-in of the account with `payload` handed to the page.
/// A retry with the same key answers the same scene.
public enum ScenesCreate: MeshContract {
    public static let service = ServiceName.auth
    public static let name = "scenes.create"
    public static let isMutating = true

    /// `{"account_id","payload":{…},"ttl_seconds"?}`.
    public struct Request: MeshMessage {
        public let accountID: Int64
        public let payload: JSONObject
        /// How long the scene lives; nil for auth's default.
        public let lifetimeSeconds: Int64?

        public init(accountID: Int64, payload: JSONObject, lifetimeSeconds: Int64? = nil) {
            self.accountID = accountID
            self.payload = payload
            self.lifetimeSeconds = lifetimeSeconds
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            accountID = try fields.positiveInteger("account_id")
            payload = try fields.object("payload")
            lifetimeSeconds = try fields.optionalInteger("ttl_seconds")
        }

        public var json: JSONObject {
            var json: JSONObject = ["account_id": .id(accountID), "payload": .object(payload)]
            if let lifetimeSeconds { json["ttl_seconds"] = .integer(lifetimeSeconds) }
            return json
        }
    }

    /// `{"scene_id"}`.
    public struct Reply: MeshMessage {
        public let sceneID: String

        public init(sceneID: String) {
            self.sceneID = sceneID
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            sceneID = try MeshFields(json).string("scene_id")
        }

        public var json: JSONObject { ["scene_id": .string(sceneID)] }
    }
}

/// `sms.notify` on auth (mutating): sends `text` to `mobile` as a notice (not a code), once per
/// idempotency key: a retry answers the first send without sending again. A provider that refused or was
/// unreachable answers `code_send_failed`, and a retry with the same key tries again.
public enum SMSNotify: MeshContract {
    public typealias Reply = MeshEmpty
    public static let service = ServiceName.auth
    public static let name = "sms.notify"
    public static let isMutating = true
    /// The longest text a notice may have (a few SMS segments).
    public static let maximumLength = 300

    /// `{"mobile","text"}`.
    public struct Request: MeshMessage {
        public let mobile: String
        public let text: String

        public init(mobile: String, text: String) {
            self.mobile = mobile
            self.text = text
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            guard let mobile = try fields.optionalText("mobile", maxLength: 11) else { throw .missing("mobile") }
            guard let text = try fields.optionalText("text", maxLength: SMSNotify.maximumLength) else {
                throw .missing("text")
            }
            self.mobile = mobile
            self.text = text
        }

        public var json: JSONObject { ["mobile": .string(mobile), "text": .string(text)] }
    }
}

/// `requesttokens.consume` on auth (mutating): uses an anti-duplicate request token (yaf
/// `system.request.token`) once. A token issued to an account is used only by that account; one issued
/// without a session by anyone. Refusals: `not_found` for an unknown token or another account's,
/// `code_expired` for a token past its lifetime, `replayed` for a token another call used (a repeated
/// submission), `invalid_state` for an idempotency key that used another token. The use is the
/// idempotency: a retry with the same key answers the first use.
public enum RequestTokenConsume: MeshContract {
    public static let service = ServiceName.auth
    public static let name = "requesttokens.consume"
    public static let isMutating = true

    /// `{"token","account_id"?}`.
    public struct Request: MeshMessage {
        public let token: String
        /// The caller's account; nil for a caller without a session.
        public let accountID: Int64?

        public init(token: String, accountID: Int64?) {
            self.token = token
            self.accountID = accountID
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            guard let token = try fields.optionalText("token", maxLength: 128) else { throw .missing("token") }
            self.token = token
            accountID = try fields.optionalPositiveInteger("account_id")
        }

        public var json: JSONObject {
            var json: JSONObject = ["token": .string(token)]
            if let accountID { json["account_id"] = .id(accountID) }
            return json
        }
    }

    /// `{"account_id","used_at"}`: the account the token was issued to (null for a token issued without a
    /// session) and when it was used, `yyyy-MM-dd HH:mm:ss`.
    public struct Reply: MeshMessage {
        public let accountID: Int64?
        public let usedAt: String

        public init(accountID: Int64?, usedAt: String) {
            self.accountID = accountID
            self.usedAt = usedAt
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            accountID = try fields.optionalPositiveInteger("account_id")
            usedAt = try fields.string("used_at")
        }

        public var json: JSONObject {
            ["account_id": accountID.map(JSONValue.id) ?? .null, "used_at": .string(usedAt)]
        }
    }
}

/// `miniprogram.code` on auth (reading): the mini-program code (WeChat's `wxacode.getUnlimited`) that
/// opens `page` of the mini-program `app_id` with `scene`, for a page that shows it to be scanned; the
/// mini-program reads the scene in `onLoad`. Refusals: `not_found` for an app auth does not serve,
/// `invalid_params` for a scene, page or width outside WeChat's rules (naming the field),
/// `provider_failed` when WeChat refuses or cannot be reached (the message carries WeChat's `errcode`,
/// also given as `data.errcode`).
public enum MiniProgramCodeGet: MeshContract {
    public static let service = ServiceName.auth
    public static let name = "miniprogram.code"

    /// `{"app_id","scene","page","width"?}`: `scene` 1 to 32 characters of digits, letters and
    /// ``!#$&'()*+,/:;=?@-._~``; `page` a published page without a leading `/` (`pages/index/index`);
    /// `width` 280 to 1280 pixels, 430 when absent.
    public struct Request: MeshMessage {
        public let appID: String
        public let scene: String
        public let page: String
        public let width: Int64?

        public init(appID: String, scene: String, page: String, width: Int64? = nil) {
            self.appID = appID
            self.scene = scene
            self.page = page
            self.width = width
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            appID = try fields.string("app_id")
            scene = try fields.string("scene")
            page = try fields.string("page")
            width = try fields.optionalInteger("width")
        }

        public var json: JSONObject {
            var json: JSONObject = ["app_id": .string(appID), "scene": .string(scene), "page": .string(page)]
            if let width { json["width"] = .integer(width) }
            return json
        }
    }

    /// `{"content_type","image"}`: `image/png` or `image/jpeg`, and the image as base64 (RFC 4648,
    /// padded, no line breaks).
    public struct Reply: MeshMessage {
        public let contentType: String
        public let image: String

        public init(contentType: String, image: String) {
            self.contentType = contentType
            self.image = image
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            contentType = try fields.string("content_type")
            image = try fields.string("image")
        }

        public var json: JSONObject { ["content_type": .string(contentType), "image": .string(image)] }
    }
}
