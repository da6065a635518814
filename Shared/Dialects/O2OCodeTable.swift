import Catalog
import Mesh

extension DialectCodeTable {
    /// The O2O mini-program dialect's codes, from the global status-code list at the top of the O2O
    /// mini-program API document (001). Codes are JSON numbers; 0 is success.
    public static let o2o = DialectCodeTable(
        dialect: .o2o, documented: o2oDocumented, genericFailure: "500", rows: o2oRows)

    private static let o2oDocumented: [DialectCode] = [
        // The list says 成功; the document's envelope description gives 请求成功 as the usual success message.
        .number(0, "请求成功"),
        .number(500, "未知错误"),
        .number(10000, "接口不存在"),
        .number(10001, "参数不合法"),
        .number(10003, "未登录"),
        .number(10004, "账号不存在"),
        .number(10005, "密码错误"),
        .number(10006, "账号已存在"),
        .number(10007, "token无效或不存在"),
        .number(70010, "微信openId不存在"),
        .number(70011, "微信appid不存在"),
    ]

    /// Anything the list has no code for answers 500, the list's only generic failure; the reply's own message
    /// tells the user what happened.
    private static let o2oRows: [ReplyKind: String] = [
        .ok: "0",
        .invalidParams: "10001",
        .missingParameter: "10001",
        // 10003 makes the client bind its mobile again (step 2 of the document's login flow).
        .notLoggedIn: "10003",
        // 10007 and 70010 make the client fetch a new token through wx.login (step 1).
        .tokenInvalid: "10007",
        .tokenReplaced: "10007",
        .openIdMissing: "70010",
        .passwordChanged: "10007",
        .forbidden: "500",
        .notFound: "500",
        // 10006 names accounts; other duplicates must not read as "account exists".
        .alreadyExists: "500",
        .accountNotFound: "10004",
        .accountExists: "10006",
        .accountDisabled: "500",
        .wrongPassword: "10005",
        .accountLocked: "500",
        .payPasswordWrong: "10005",
        .payPasswordNotSet: "500",
        // A wrong or stale SMS code is a parameter the client must change.
        .codeExpired: "10001",
        .codeWrong: "10001",
        .codeSendFailed: "500",
        .rateLimited: "500",
        .insufficientBalance: "500",
        .outOfStock: "500",
        .invalidState: "500",
        // The dialect is unsigned; should a request still carry a bad signature or nonce, it is a bad parameter.
        .signatureMissing: "10001",
        .signatureInvalid: "10001",
        .replayed: "10001",
        .timestampExpired: "10001",
        .unknownApp: "70011",
        .noSuchOperation: "10000",
        // An operation not served yet answers "no such API" honestly.
        .notImplemented: "10000",
        .payloadTooLarge: "10001",
        .providerFailed: "500",
        .upstreamFailed: "500",
        .internal: "500",
    ]
}
