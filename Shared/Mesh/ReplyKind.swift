/// The semantic outcome of an operation, the same in every service. Each dialect's code table
/// maps every kind to one of its documented codes.
public struct ReplyKind: RawRepresentable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let ok = ReplyKind(rawValue: "ok")
    /// A parameter has the wrong type, format or range.
    public static let invalidParams = ReplyKind(rawValue: "invalid_params")
    /// A required parameter is absent.
    public static let missingParameter = ReplyKind(rawValue: "missing_parameter")
    public static let notLoggedIn = ReplyKind(rawValue: "not_logged_in")
    /// The token is unknown, expired or revoked.
    public static let tokenInvalid = ReplyKind(rawValue: "token_invalid")
    /// The token was replaced by a newer login elsewhere.
    public static let tokenReplaced = ReplyKind(rawValue: "token_replaced")
    /// The session carries no WeChat open id: the client must log in through WeChat again.
    public static let openIdMissing = ReplyKind(rawValue: "open_id_missing")
    /// The password changed since the token was issued.
    public static let passwordChanged = ReplyKind(rawValue: "password_changed")
    public static let forbidden = ReplyKind(rawValue: "forbidden")
    public static let notFound = ReplyKind(rawValue: "not_found")
    public static let alreadyExists = ReplyKind(rawValue: "already_exists")
    /// The account does not exist (login or reset of an unknown account).
    public static let accountNotFound = ReplyKind(rawValue: "account_not_found")
    /// An account with that mobile, e-mail or user name is already registered (sign-up of a taken account).
    public static let accountExists = ReplyKind(rawValue: "account_exists")
    /// The account was disabled by an administrator.
    public static let accountDisabled = ReplyKind(rawValue: "account_disabled")
    public static let wrongPassword = ReplyKind(rawValue: "wrong_password")
    /// Too many wrong passwords or codes: the account is locked for a while.
    public static let accountLocked = ReplyKind(rawValue: "account_locked")
    public static let payPasswordWrong = ReplyKind(rawValue: "pay_password_wrong")
    /// The operation needs a pay password and the user has not set one.
    public static let payPasswordNotSet = ReplyKind(rawValue: "pay_password_not_set")
    public static let codeExpired = ReplyKind(rawValue: "code_expired")
    public static let codeWrong = ReplyKind(rawValue: "code_wrong")
    /// A code could not be sent (provider failure).
    public static let codeSendFailed = ReplyKind(rawValue: "code_send_failed")
    public static let rateLimited = ReplyKind(rawValue: "rate_limited")
    public static let insufficientBalance = ReplyKind(rawValue: "insufficient_balance")
    public static let outOfStock = ReplyKind(rawValue: "out_of_stock")
    /// The object is not in a state that allows the operation.
    public static let invalidState = ReplyKind(rawValue: "invalid_state")
    public static let signatureMissing = ReplyKind(rawValue: "signature_missing")
    public static let signatureInvalid = ReplyKind(rawValue: "signature_invalid")
    /// A nonce or request token was used before.
    public static let replayed = ReplyKind(rawValue: "replayed")
    /// A request timestamp outside the allowed window.
    public static let timestampExpired = ReplyKind(rawValue: "timestamp_expired")
    /// The app id is unknown.
    public static let unknownApp = ReplyKind(rawValue: "unknown_app")
    /// The operation name or path is not part of the dialect.
    public static let noSuchOperation = ReplyKind(rawValue: "no_such_operation")
    /// The operation is part of the dialect but not served yet.
    public static let notImplemented = ReplyKind(rawValue: "not_implemented")
    /// A body or upload over the operation's limit.
    public static let payloadTooLarge = ReplyKind(rawValue: "payload_too_large")
    /// A provider (WeChat, payment, SMS) failed.
    public static let providerFailed = ReplyKind(rawValue: "provider_failed")
    /// A service of the mesh did not answer in time or at all.
    public static let upstreamFailed = ReplyKind(rawValue: "upstream_failed")
    public static let `internal` = ReplyKind(rawValue: "internal")

    public static let allCases: [ReplyKind] = [
        .ok, .invalidParams, .missingParameter, .notLoggedIn, .tokenInvalid, .tokenReplaced, .openIdMissing,
        .passwordChanged, .forbidden, .notFound, .alreadyExists, .accountNotFound, .accountExists,
        .accountDisabled, .wrongPassword, .accountLocked, .payPasswordWrong, .payPasswordNotSet, .codeExpired,
        .codeWrong, .codeSendFailed, .rateLimited, .insufficientBalance, .outOfStock, .invalidState,
        .signatureMissing, .signatureInvalid, .replayed, .timestampExpired, .unknownApp, .noSuchOperation,
        .notImplemented, .payloadTooLarge, .providerFailed, .upstreamFailed, .internal,
    ]
}
