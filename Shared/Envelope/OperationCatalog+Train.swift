import HTTPCore

// Operations of the train-ticket API document (000): every one is `POST /api/v1/user/{op}` with
// `sign` inside `data`; every one but `login` needs the `loginKey` header and the `userId` param.
extension OperationCatalog {
    static let trainOperations: [Operation] = [
        train("login", .auth, .none, "登陆"),
        train("getUserInfo", .user, .required, "获取个人信息"),
        train("addContacts", .user, .required, "添加联系人接口"),
        train("selectContacts", .user, .required, "查询联系人接口"),
        train("sendPhoneCode", .auth, .required, "发送验证码"),
        train("checkPhoneCode", .auth, .required, "校验验证码"),
        train("createOrder", .orders, .required, "下单接口"),
        train("getOrderList", .orders, .required, "查询订单列表接口"),
        train("getOrderDetails", .orders, .required, "查询订单接口"),
        train("payOrder", .orders, .required, "待支付订单支付接口"),
        train("cancleOrder", .orders, .required, "取消订单接口"),
        train("returnAmount", .orders, .required, "订单退款接口"),
        train("confirmeOrder", .orders, .required, "订单确认接口"),
        train("appConfig", .content, .required, "查询加油包配置接口"),
    ]

    private static func train(
        _ name: String, _ service: ServiceName, _ session: SessionRequirement, _ title: String
    ) -> Operation {
        Operation(
            dialect: .train, name: name, path: "/api/v1/user/\(name)", methods: [.post], service: service,
            session: session, signed: true, title: title)
    }
}
