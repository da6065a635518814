import HTTPCore

// Operations of the O2O mini-program API document (001), under `/api/user`. Nothing is signed.
// The document makes `token` a parameter of every call but `wxLogin`; a token fresh from
// `wxLogin` is a session without a bound account until `login` binds the mobile number.
extension OperationCatalog {
    static let o2oOperations: [Operation] = [
        o2o("wxLogin", .post, .auth, .none, "微信登陆接口"),
        o2o("login", .post, .auth, .required, "登陆接口(绑定手机号)"),
        o2o("loginWithSceneId", .post, .auth, .required, "使用场景ID快捷登陆"),
        o2o("sms/verify_code", .post, .auth, .required, "短信接口"),
        o2o("area/tree", .get, .content, .required, "获取地区列表(树形结构)"),
        o2o("area/cities/withHot", .get, .content, .required, "获取城市及热门城市列表"),
        o2o("area/getByGps", .get, .content, .required, "根据经纬度获取所在城市"),
        o2o("merchant/categories/tree", .get, .merchants, .required, "获取商家类别列表"),
        o2o("merchants", .get, .merchants, .required, "获取商家列表"),
        o2o("merchant/detail", .get, .merchants, .required, "商户详情"),
        o2o("goods", .get, .merchants, .required, "商品列表"),
        o2o("goods/detail", .get, .merchants, .required, "商品详情"),
        o2o("orders", .get, .orders, .required, "订单列表"),
        o2o("order/detail", .get, .orders, .required, "订单详情"),
        o2o("order/buy", .post, .orders, .required, "下单接口"),
        o2o("order/refund", .post, .orders, .required, "退款接口"),
    ]

    private static func o2o(
        _ name: String, _ method: HTTPMethod, _ service: ServiceName, _ session: SessionRequirement,
        _ title: String
    ) -> Operation {
        Operation(
            dialect: .o2o, name: name, path: "/api/user/\(name)", methods: [method], service: service,
            session: session, signed: false, title: title)
    }
}
