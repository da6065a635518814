import Catalog
import Mesh

extension DialectCodeTable {
    /// The app base API (yaf) dialect's codes, from the error list in section 1.5 of the yaf-server API
    /// document (003). Codes are JSON numbers.
    public static let yaf = DialectCodeTable(
        dialect: .yaf, documented: yafDocumented, genericFailure: "503", rows: yafRows)

    private static let yafDocumented: [DialectCode] = [
        // Success messages vary by operation; "success" is the one the generic examples write.
        .number(200, "success"),
        .number(403, "您没有权限访问"),
        .number(404, "您访问的资源不存在"),
        .number(500, "服务器发生了异常"),
        .number(503, "业务处理失败"),
        .number(504, "参数 method 不存在"),
        .number(505, "参数 v 不存在"),
        .number(506, "参数 appid 不存在"),
        .number(507, "参数 timestamp 不存在"),
        .number(508, "IP 不允许请求"),
        .number(509, "访问的接口不存在"),
        .number(510, "疑似非法 IP，访问受限"),
        .number(601, "登录超时，请重新登录"),
        .number(602, "您还未登录"),
        .number(603, "账号被其他人登录"),
        .number(604, "账号已注册"),
        .number(605, "账号未注册"),
        .number(606, "密码已经修改"),
        .number(607, "登录密码错误被限制 24 小时方可再次登录"),
        .number(700, "短信验证码不正确"),
    ]

    /// The document sorts codes in three groups: 200 success, 503 ordinary business failure, the rest with a
    /// meaning of their own. Kinds without such a meaning answer 503.
    private static let yafRows: [ReplyKind: String] = [
        .ok: "200",
        // 504–507 name the missing fixed parameter; the gateway asks for them by code.
        .invalidParams: "503",
        .missingParameter: "503",
        .notLoggedIn: "602",
        .tokenInvalid: "601",
        .tokenReplaced: "603",
        .openIdMissing: "602",
        .passwordChanged: "606",
        .forbidden: "403",
        // The document gives "article does not exist" as an example of 503; 404 stays for unknown resources
        // outside the API and is asked for by code.
        .notFound: "503",
        // 604 makes the client jump to the login screen, right for a taken account only.
        .alreadyExists: "503",
        .accountNotFound: "605",
        .accountExists: "604",
        .accountDisabled: "403",
        // The document's failure example answers a wrong account or password with 503.
        .wrongPassword: "503",
        .accountLocked: "607",
        .payPasswordWrong: "503",
        .payPasswordNotSet: "503",
        // The sms.verify example answers an expired code with 503.
        .codeExpired: "503",
        // The list's own code; the sms.verify example writes 503 and may ask for it by code.
        .codeWrong: "700",
        .codeSendFailed: "503",
        // The sms.send example answers "sent again within 60 seconds" with 503.
        .rateLimited: "503",
        .insufficientBalance: "503",
        .outOfStock: "503",
        .invalidState: "503",
        // The signature, timestamp and appid prove which app calls; 403 is the code for a call the app may not
        // make ("usually a call across apps").
        .signatureMissing: "403",
        .signatureInvalid: "403",
        .timestampExpired: "403",
        .unknownApp: "403",
        // A reused anti-duplicate request token is an ordinary business refusal.
        .replayed: "503",
        .noSuchOperation: "509",
        // An operation not served yet answers "no such API" honestly.
        .notImplemented: "509",
        .payloadTooLarge: "503",
        // The document answers failing databases and service calls with 500.
        .providerFailed: "500",
        .upstreamFailed: "500",
        .internal: "500",
    ]
}
