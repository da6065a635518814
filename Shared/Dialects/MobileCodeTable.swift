import Catalog
import Mesh

extension DialectCodeTable {
    /// The mobile mall dialect's codes, gathered from the endpoints of the mobile mall user-module API document
    /// (004), which has no table of its own: 200 and 300 from the generic replies, 308, 221 and 222 from the
    /// recharge endpoint, 1000, 208505 and 208506 from the phone-credit checks, 1004–1007 from the phone-credit
    /// top-up and its status query. Most endpoints write codes as strings; the catalog marks the ones whose
    /// examples write numbers (`OperationTraits.numericCode`).
    public static let mobile = DialectCodeTable(
        dialect: .mobile, documented: mobileDocumented, genericFailure: "300", rows: mobileRows,
        otherNotationOperations: Set(OperationCatalog.operations(of: .mobile).filter(\.traits.numericCode).map(\.name)))

    private static let mobileDocumented: [DialectCode] = [
        .string("200", "操作成功"),
        // The avatar endpoint: "200 is success, 300 failure".
        .string("300", "操作失败"),
        .string("308", "交易创建成功"),
        .string("221", "支付密码错误"),
        .string("222", "支付密码为空"),
        .string("1000", "允许充值"),
        .string("208505", "错误的手机号码"),
        .string("208506", "错误的充值金额"),
        // The top-up example's message; its code list shortens it to 充值中.
        .string("1005", "充值进行中"),
        .string("1004", "账户余额不足"),
        .string("1006", "充值成功"),
        .string("1007", "查询无结果"),
    ]

    /// The document knows one failure code, 300; the few specific ones cover balance and pay password.
    private static let mobileRows: [ReplyKind: String] = [
        .ok: "200",
        .invalidParams: "300",
        .missingParameter: "300",
        .notLoggedIn: "300",
        .tokenInvalid: "300",
        .tokenReplaced: "300",
        .openIdMissing: "300",
        .passwordChanged: "300",
        .forbidden: "300",
        .notFound: "300",
        .alreadyExists: "300",
        .accountNotFound: "300",
        .accountExists: "300",
        .accountDisabled: "300",
        .wrongPassword: "300",
        .accountLocked: "300",
        .payPasswordWrong: "221",
        // 支付密码为空: the user has no pay password yet.
        .payPasswordNotSet: "222",
        .codeExpired: "300",
        .codeWrong: "300",
        .codeSendFailed: "300",
        .rateLimited: "300",
        // 账户余额不足 reads as the account's balance, wherever it is spent.
        .insufficientBalance: "1004",
        .outOfStock: "300",
        .invalidState: "300",
        .signatureMissing: "300",
        .signatureInvalid: "300",
        .replayed: "300",
        .timestampExpired: "300",
        .unknownApp: "300",
        .noSuchOperation: "300",
        .notImplemented: "300",
        .payloadTooLarge: "300",
        .providerFailed: "300",
        .upstreamFailed: "300",
        .internal: "300",
    ]
}
