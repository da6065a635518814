import HTTPCore
import Mesh

// Operations of the O2O mini-program API document (001), under `/api/user`. Nothing is signed.
// The document makes `token` a parameter of every call but `wxLogin`; a token fresh from
// `wxLogin` is a session without a bound account until `login` binds the mobile number.
//
// Parameters: the names each section lists under its parameters. The `token` every call carries is
// left out, except in `loginWithSceneId`, whose section lists it. The document writes neither types
// nor required flags: ids, counts and pages are written `int`, coordinates and the radius `double`,
// everything else `String`; a parameter is required unless the section gives it a default, lets it
// be empty or makes it depend on another, and the search filters of `merchants` and `orders` are
// optional. `area/cities/withHot` and `merchant/categories/tree` take none. Two platform additions:
// `order/pay` (pays an unpaid order in the goods' own mini-program, where the bridge leads) and
// `merchant/verify` (a merchant's staff redeems a code).
extension OperationCatalog {
    static let o2oOperations: [Operation] = [
        o2o(
            "wxLogin", .post, .auth, .none, "微信登陆接口",
            [
                .init("code", "String", true, "wx.login 获取到的code")
            ]),
        o2o(
            "login", .post, .auth, .required, "登陆接口(绑定手机号)",
            [
                .init("mobile", "String", true, "手机号"),
                .init("verify_code", "String", true, "验证码"),
            ]
        ).changesSession().allowsGuest(),
        o2o(
            "loginWithSceneId", .post, .auth, .required, "使用场景ID快捷登陆",
            [
                .init("token", "String", true, "通过wxLogin接口获取到的token"),
                .init("sceneId", "String", true, "在onLoad中获取到的scene值"),
            ]
        ).changesSession().allowsGuest(),
        o2o(
            "sms/verify_code", .post, .auth, .required, "短信接口",
            [
                .init("mobile", "String", true, "手机号")
            ]
        ).allowsGuest(),
        o2o(
            "area/tree", .get, .content, .required, "获取地区列表(树形结构)",
            [
                .init("tier", "int", false, "要获取的层级数 1-3（省/市/县），默认为3")
            ]),
        o2o("area/cities/withHot", .get, .content, .required, "获取城市及热门城市列表"),
        o2o(
            "area/getByGps", .get, .content, .required, "根据经纬度获取所在城市",
            [
                .init("lng", "double", true, "经度"),
                .init("lat", "double", true, "纬度"),
            ]),
        o2o("merchant/categories/tree", .get, .merchants, .required, "获取商家类别列表"),
        o2o(
            "merchants", .get, .merchants, .required, "获取商家列表",
            [
                .init("city_id", "int", false, "城市ID"),
                .init("keyword", "String", false, "搜索关键字"),
                .init("merchant_category_id", "int", false, "商家类别ID"),
                .init("lng", "double", false, "用户当前经度"),
                .init("lat", "double", false, "用户当前纬度"),
                .init("radius", "double", false, "范围，仅在经纬度存在时有效，按距离排序"),
                .init("page", "int", false, "获取的页数"),
            ]),
        o2o(
            "merchant/detail", .get, .merchants, .required, "商户详情",
            [
                .init("id", "int", true, "商户ID"),
                .init("lng", "double", false, "用户所在经度"),
                .init("lat", "double", false, "用户所在纬度"),
            ]),
        o2o(
            "goods", .get, .merchants, .required, "商品列表",
            [
                .init("merchant_id", "int", true, "商家ID")
            ]),
        o2o(
            "goods/detail", .get, .merchants, .required, "商品详情",
            [
                .init("id", "int", true, "商品ID")
            ]),
        o2o(
            "orders", .get, .orders, .required, "订单列表",
            [
                .init("status", "int", false, "状态")
            ]),
        o2o(
            "order/detail", .get, .orders, .required, "订单详情",
            [
                .init("order_no", "String", true, "订单号")
            ]),
        o2o(
            "order/buy", .post, .orders, .required, "下单接口",
            [
                .init("goods_id", "int", true, "商品ID"),
                .init("number", "int", true, "数量"),
                .init("notify_mobile", "String", false, "通知手机号(可为空)"),
            ]),
        o2o(
            "order/refund", .post, .orders, .required, "退款接口",
            [
                .init("order_no", "String", true, "订单号")
            ]),
        o2o(
            "order/pay", .post, .orders, .required, "支付未付款订单（在商品所属运营中心的小程序中，桥接页跳转后调起支付）",
            [
                .init("order_no", "String", true, "订单号")
            ]
        ).platformAddition(),
        o2o(
            "merchant/verify", .post, .orders, .required, "商户核销：核销一张核销码（商户绑定的账号）",
            [
                .init("verify_code", "String", true, "核销码")
            ]
        ).platformAddition(),
    ]

    private static func o2o(
        _ name: String, _ method: HTTPMethod, _ service: ServiceName, _ session: SessionRequirement,
        _ title: String, _ parameters: [OperationParameter] = []
    ) -> Operation {
        Operation(
            dialect: .o2o, name: name, path: "/api/user/\(name)", methods: [method], service: service,
            session: session, signed: false, title: title, parameters: parameters)
    }
}
