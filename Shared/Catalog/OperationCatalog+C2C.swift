import HTTPCore
import Mesh

// Operations of the C2C exchange API document (002): every one is `POST /?_apiname=m.c.a` and signed
// with `cc`/`ck`. The document has no login; `user.user.login` (mobile with an SMS code or a
// password, answering `mtoken`; the mobile alone sends the login code, and a code signs a new mobile
// up) is this platform's addition. Every other one needs `mtoken`.
//
// Parameters: the rows of each section's "Body" table (the JSON body), with the types and required
// flags the rows give; some tables swap the headers of those two columns, the rows are read as
// written. The URL part every call carries (`_apiname`, `mtoken`, `cc`, `ck`, `_env`) is left out.
// Where a section has one table per payment type, the parameters are the union: `type` (in every
// example) and those in every table are required, the others optional. `getPaymentList` and
// `getUserAssets` have no body table; the parameters of `user.user.login` are this platform's.
extension OperationCatalog {
    static let c2cOperations: [Operation] = [
        c2c(
            "user.user.login", .auth, .none, "登录（本平台补充，返回 mtoken；只传手机号时发送登录验证码）",
            [
                .init("mobile_phone", "string", true, "手机号"),
                .init("code", "string", false, "短信验证码，与 password 二选一；新手机号凭验证码注册"),
                .init("password", "string", false, "登录密码，与 code 二选一"),
            ]),
        c2c(
            "user.user.getUserInfoById", .user, .required, "获取客户详情信息",
            [
                .init("id", "int", true, "客户ID")
            ]),
        c2c("user.payment.addPayment", .user, .required, "添加支付方式", [c2cPaymentType] + c2cPaymentAccount),
        c2c(
            "user.payment.updatePayment", .user, .required, "更新支付方式",
            [c2cPaymentType, c2cPaymentID] + c2cPaymentAccount),
        c2c("user.payment.delPayment", .user, .required, "删除支付方式", [c2cPaymentType, c2cPaymentID]),
        c2c("user.payment.getPaymentInfoById", .user, .required, "获取支付方式详情信息", [c2cPaymentType, c2cPaymentID]),
        c2c("user.payment.getPaymentList", .user, .required, "获取支付方式列表"),
        c2c("wallet.wallet.getUserAssets", .exchange, .required, "获取客户资产信息"),
        c2c(
            "coin.coin.getCoinInfoById", .exchange, .required, "获取币种详情信息",
            [
                .init("coin_id", "tinyint", true, "币种ID")
            ]),
        c2c(
            "coin.coin.getC2CCoinList", .exchange, .required, "获取支持C2C交易的币种列表",
            [
                .init("is_c2c", "tinyint", true, "是否支持C2C交易 0：不支持，1：支持")
            ]),
        c2c(
            "order.order.addOrder", .exchange, .required, "提交订单（委托买入/卖出）",
            [
                .init("coin_id", "tinyint", true, "币种ID"),
                .init("volume", "float", true, "买入/卖出数量"),
                .init("type", "tinyint", true, "类型 1：委托买入，2：委托卖出"),
            ]),
        c2c("order.order.getOrderInfo", .exchange, .required, "获取订单详情", [c2cOrderNumber]),
        c2c(
            "order.order.updateOrderStatus", .exchange, .required, "更新订单交易状态",
            [
                c2cOrderNumber,
                .init("status", "tinyint", true, "订单状态 0待付款 1已付款 2交易成功 3交易完成 4交易关闭"),
            ]),
        c2c(
            "order.order.getOrderList", .exchange, .required, "获取订单列表",
            [
                .init("type", "tinyint", true, "交易数据类型 1：当前交易，2：历史交易"),
                .init("current_page", "int", false, "当前页，默认为1"),
                .init("page_size", "int", false, "每页显示记录数，默认为20条"),
            ]),
    ]

    /// The order sections name their operation `order.order.*` in the request URL and
    /// `coin.coin.*` in the parameter table; both spellings reach the same operation.
    static let c2cAlternateNames: [String: String] = [
        "coin.coin.addOrder": "order.order.addOrder",
        "coin.coin.getOrderInfo": "order.order.getOrderInfo",
        "coin.coin.updateOrderStatus": "order.order.updateOrderStatus",
        "coin.coin.getOrderList": "order.order.getOrderList",
    ]

    private static let c2cPaymentType = OperationParameter(
        "type", "tinyint", true, "支付方式类型 1：银行卡，2：支付宝，3：微信支付")
    private static let c2cPaymentID = OperationParameter("id", "int", true, "支付方式帐户ID")
    private static let c2cOrderNumber = OperationParameter("order_no", "string", true, "订单号")
    /// The account fields of the bank-card table and of the Alipay/WeChat table.
    private static let c2cPaymentAccount: [OperationParameter] = [
        .init("account_number", "string", true, "银行卡帐号或支付宝/微信支付帐号"),
        .init("account_name", "string", false, "开户名（银行卡）"),
        .init("bank_name", "string", false, "开户支行（银行卡）"),
        .init("bank_address", "string", false, "开户支行所在地址（银行卡）"),
        .init("qrcode", "string", false, "支付宝/微信支付收款二维码"),
    ]

    private static func c2c(
        _ name: String, _ service: ServiceName, _ session: SessionRequirement, _ title: String,
        _ parameters: [OperationParameter] = []
    ) -> Operation {
        Operation(
            dialect: .c2c, name: name, path: "/", methods: [.post], service: service, session: session,
            signed: true, title: title, parameters: parameters)
    }
}
