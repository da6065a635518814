import Catalog
import Mesh

extension DialectCodeTable {
    /// The train-ticket dialect's codes, from the response-code table in the appendix of the train-ticket API
    /// document (000). Codes are strings with leading zeros (`"0000"`); 0014 and 1015 are absent there too.
    public static let train = DialectCodeTable(
        dialect: .train, documented: trainDocumented, genericFailure: "9999", rows: trainRows)

    private static let trainDocumented: [DialectCode] = [
        .string("0000", "成功"),
        .string("9999", "服务器异常"),
        .string("0001", "用户保存信息失败"),
        .string("0002", "密码错误"),
        .string("0003", "修改用户信息失败"),
        .string("0004", "商户抢单失败"),
        .string("0005", "商户下单失败"),
        .string("0006", "用户未登陆"),
        .string("0007", "缺少loginkey"),
        .string("0008", "缺少userId"),
        .string("0009", "修改用户微信信息表失败"),
        .string("0010", "订单确认失败"),
        .string("0011", "解冻金额失败"),
        .string("0012", "订单取消失败"),
        .string("0013", "缺少参数"),
        .string("0015", "修改钱包充值金额有误"),
        .string("0016", "缺少appCode"),
        .string("0017", "签名失败"),
        .string("0018", "缺少签名"),
        .string("0019", "发送验证码操作失败，请重试"),
        .string("0020", "验证码已失效，请重试"),
        .string("0021", "验证码错误，请重新输入"),
        .string("0022", "验证码操作失败，请重试"),
        .string("0023", "身份证或者姓名有误，请检查"),
        .string("0024", "添加联系人失败"),
        .string("0025", "该联系人已存在"),
        .string("0026", "创建订单明细失败"),
        .string("0027", "该订单不存在"),
        .string("1000", "调用微信获取openid失败"),
        .string("1001", "微信调用通讯失败"),
        .string("1002", "商户未开通此接口权限"),
        .string("1003", "帐号余额不足，请用户充值或更换支付卡后再支付"),
        .string("1004", "商户订单已支付，无需重复操作"),
        .string("1005", "当前订单已关闭，请重新下单"),
        .string("1006", "请检查APPID是否正确"),
        .string("1007", "请检查MCHID是否正确"),
        .string("1008", "请确认appid和mch_id是否匹配"),
        .string("1009", "请核实商户订单号是否重复提交"),
        .string("1010", "请检查签名参数和方法是否都符合签名算法要求"),
        .string("1011", "请检查XML参数格式是否正确"),
        .string("1012", "请检查请求参数是否通过post方法提交"),
        .string("1013", "请检查post数据是否为空"),
        .string("1014", "请使用UTF-8编码格式"),
        .string("1016", "查询不到愿订单信息"),
        .string("1017", "实际付款金额与充值金额不等"),
    ]

    /// Client-side faults without a code of their own answer 0013 (missing parameter), server-side and business
    /// refusals without one answer 9999, the appendix's catch-all.
    private static let trainRows: [ReplyKind: String] = [
        .ok: "0000",
        // The appendix has no "invalid parameter" code; 0013 is the only one about the request's parameters.
        .invalidParams: "0013",
        .missingParameter: "0013",
        .notLoggedIn: "0006",
        // Every session fault sends the client back to login, which is what 0006 asks for.
        .tokenInvalid: "0006",
        .tokenReplaced: "0006",
        .openIdMissing: "0006",
        .passwordChanged: "0006",
        // The appendix's only permission code: the caller's role may not use this operation.
        .forbidden: "1002",
        // Orders are what the dialect looks up; other lookups send their own message with it.
        .notFound: "0027",
        // The only "already exists" code is about contacts, the one thing a user creates twice.
        .alreadyExists: "0025",
        // A login for an unknown user means: log in (through WeChat) first.
        .accountNotFound: "0006",
        // Accounts are created by WeChat login and never collide; saving the user is what failed.
        .accountExists: "0001",
        .accountDisabled: "1002",
        .wrongPassword: "0002",
        // Locks come from too many wrong SMS codes, the dialect's only secret the user types.
        .accountLocked: "0022",
        .payPasswordWrong: "0002",
        .payPasswordNotSet: "9999",
        .codeExpired: "0020",
        .codeWrong: "0021",
        .codeSendFailed: "0019",
        .rateLimited: "9999",
        .insufficientBalance: "1003",
        .outOfStock: "9999",
        // Order-specific refusals (0010, 0012, 1004, 1005) are asked for by code; this is the fallback.
        .invalidState: "9999",
        .signatureMissing: "0018",
        .signatureInvalid: "0017",
        // A reused nonceStr or a stale request fails the signature check the nonce belongs to.
        .replayed: "0017",
        .timestampExpired: "0017",
        // An unknown appCode has no key to check the signature with; 0016 points the client at appCode.
        .unknownApp: "0016",
        .noSuchOperation: "9999",
        .notImplemented: "9999",
        .payloadTooLarge: "9999",
        // WeChat is the dialect's provider; 1000 (openid lookup failed) is asked for by the login.
        .providerFailed: "1001",
        .upstreamFailed: "9999",
        .internal: "9999",
    ]
}
