import HTTPCore

// Operations of the C2C exchange API document (002): every one is `POST /?_apiname=m.c.a` and signed
// with `cc`/`ck`. The document has no login; `user.user.login` (mobile with an SMS code or a
// password, answering `mtoken`) is this platform's addition. Every other one needs `mtoken`.
extension OperationCatalog {
    static let c2cOperations: [Operation] = [
        c2c("user.user.login", .auth, .none, "登录（本平台补充，返回 mtoken）"),
        c2c("user.user.getUserInfoById", .user, .required, "获取客户详情信息"),
        c2c("user.payment.addPayment", .user, .required, "添加支付方式"),
        c2c("user.payment.updatePayment", .user, .required, "更新支付方式"),
        c2c("user.payment.delPayment", .user, .required, "删除支付方式"),
        c2c("user.payment.getPaymentInfoById", .user, .required, "获取支付方式详情信息"),
        c2c("user.payment.getPaymentList", .user, .required, "获取支付方式列表"),
        c2c("wallet.wallet.getUserAssets", .exchange, .required, "获取客户资产信息"),
        c2c("coin.coin.getCoinInfoById", .exchange, .required, "获取币种详情信息"),
        c2c("coin.coin.getC2CCoinList", .exchange, .required, "获取支持C2C交易的币种列表"),
        c2c("order.order.addOrder", .exchange, .required, "提交订单（委托买入/卖出）"),
        c2c("order.order.getOrderInfo", .exchange, .required, "获取订单详情"),
        c2c("order.order.updateOrderStatus", .exchange, .required, "更新订单交易状态"),
        c2c("order.order.getOrderList", .exchange, .required, "获取订单列表"),
    ]

    /// The order sections name their operation `order.order.*` in the request URL and
    /// `coin.coin.*` in the parameter table; both spellings reach the same operation.
    static let c2cAlternateNames: [String: String] = [
        "coin.coin.addOrder": "order.order.addOrder",
        "coin.coin.getOrderInfo": "order.order.getOrderInfo",
        "coin.coin.updateOrderStatus": "order.order.updateOrderStatus",
        "coin.coin.getOrderList": "order.order.getOrderList",
    ]

    private static func c2c(
        _ name: String, _ service: ServiceName, _ session: SessionRequirement, _ title: String
    ) -> Operation {
        Operation(
            dialect: .c2c, name: name, path: "/", methods: [.post], service: service, session: session,
            signed: true, title: title)
    }
}
