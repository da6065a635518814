import Catalog
import Dialects
import Mesh

/// One operation as its API document lists it: client-facing name, HTTP path and methods.
struct ExpectedOperation: Sendable, CustomStringConvertible {
    let name: String
    let path: String
    let methods: Set<String>

    init(_ name: String, _ path: String, _ methods: Set<String>) {
        self.name = name
        self.path = path
        self.methods = methods
    }

    var description: String { "\(methods.sorted().joined(separator: "|")) \(path) \(name)" }
}

/// The operations of each API document, written out by hand from the documents, in their order.
enum ExpectedCatalog {
    static func operations(of dialect: Dialect) -> [ExpectedOperation] {
        switch dialect {
        case .train: train
        case .o2o: o2o
        case .c2c: c2c
        case .yaf: yaf
        case .mobile: mobile
        }
    }

    /// From the train-ticket API document (000).
    static let train: [ExpectedOperation] = [
        .init("login", "/api/v1/user/login", ["POST"]),
        .init("getUserInfo", "/api/v1/user/getUserInfo", ["POST"]),
        .init("addContacts", "/api/v1/user/addContacts", ["POST"]),
        .init("selectContacts", "/api/v1/user/selectContacts", ["POST"]),
        .init("sendPhoneCode", "/api/v1/user/sendPhoneCode", ["POST"]),
        .init("checkPhoneCode", "/api/v1/user/checkPhoneCode", ["POST"]),
        .init("createOrder", "/api/v1/user/createOrder", ["POST"]),
        .init("getOrderList", "/api/v1/user/getOrderList", ["POST"]),
        .init("getOrderDetails", "/api/v1/user/getOrderDetails", ["POST"]),
        .init("payOrder", "/api/v1/user/payOrder", ["POST"]),
        .init("cancleOrder", "/api/v1/user/cancleOrder", ["POST"]),
        .init("returnAmount", "/api/v1/user/returnAmount", ["POST"]),
        .init("confirmeOrder", "/api/v1/user/confirmeOrder", ["POST"]),
        .init("appConfig", "/api/v1/user/appConfig", ["POST"]),
    ]

    /// From the O2O mini-program API document (001).
    static let o2o: [ExpectedOperation] = [
        .init("wxLogin", "/api/user/wxLogin", ["POST"]),
        .init("login", "/api/user/login", ["POST"]),
        .init("loginWithSceneId", "/api/user/loginWithSceneId", ["POST"]),
        .init("sms/verify_code", "/api/user/sms/verify_code", ["POST"]),
        .init("area/tree", "/api/user/area/tree", ["GET"]),
        .init("area/cities/withHot", "/api/user/area/cities/withHot", ["GET"]),
        .init("area/getByGps", "/api/user/area/getByGps", ["GET"]),
        .init("merchant/categories/tree", "/api/user/merchant/categories/tree", ["GET"]),
        .init("merchants", "/api/user/merchants", ["GET"]),
        .init("merchant/detail", "/api/user/merchant/detail", ["GET"]),
        .init("goods", "/api/user/goods", ["GET"]),
        .init("goods/detail", "/api/user/goods/detail", ["GET"]),
        .init("orders", "/api/user/orders", ["GET"]),
        .init("order/detail", "/api/user/order/detail", ["GET"]),
        .init("order/buy", "/api/user/order/buy", ["POST"]),
        .init("order/refund", "/api/user/order/refund", ["POST"]),
    ]

    /// From the C2C exchange API document (002), after this platform's own `user.user.login`.
    static let c2c: [ExpectedOperation] = [
        .init("user.user.login", "/", ["POST"]),
        .init("user.user.getUserInfoById", "/", ["POST"]),
        .init("user.payment.addPayment", "/", ["POST"]),
        .init("user.payment.updatePayment", "/", ["POST"]),
        .init("user.payment.delPayment", "/", ["POST"]),
        .init("user.payment.getPaymentInfoById", "/", ["POST"]),
        .init("user.payment.getPaymentList", "/", ["POST"]),
        .init("wallet.wallet.getUserAssets", "/", ["POST"]),
        .init("coin.coin.getCoinInfoById", "/", ["POST"]),
        .init("coin.coin.getC2CCoinList", "/", ["POST"]),
        .init("order.order.addOrder", "/", ["POST"]),
        .init("order.order.getOrderInfo", "/", ["POST"]),
        .init("order.order.updateOrderStatus", "/", ["POST"]),
        .init("order.order.getOrderList", "/", ["POST"]),
    ]

    /// From the yaf-server API document (003).
    static let yaf: [ExpectedOperation] = [
        .init("system.init", "/", ["POST"]),
        .init("system.upgrade", "/", ["POST"]),
        .init("system.request.token", "/", ["POST"]),
        .init("system.upload", "/", ["POST"]),
        .init("user.login", "/", ["POST"]),
        .init("user.register", "/", ["POST"]),
        .init("user.logout", "/", ["POST"]),
        .init("sms.send", "/", ["POST"]),
        .init("sms.verify", "/", ["POST"]),
        .init("user.pwd.edit", "/", ["POST"]),
        .init("user.pwd.find", "/", ["POST"]),
        .init("user.detail", "/", ["POST"]),
        .init("system.ads", "/", ["POST"]),
        .init("system.link", "/", ["POST"]),
        .init("system.category.list", "/", ["POST"]),
        .init("system.home", "/", ["POST"]),
        .init("notice.list", "/", ["POST"]),
        .init("notice.detail", "/", ["POST"]),
        .init("notice.unread.count", "/", ["POST"]),
        .init("message.list", "/", ["POST"]),
        .init("message.read.status", "/", ["POST"]),
        .init("news.list", "/", ["POST"]),
        .init("news.detail", "/", ["POST"]),
        .init("goods.list", "/", ["POST"]),
        .init("goods.detail", "/", ["POST"]),
        .init("order.list", "/", ["POST"]),
    ]

    /// From the mobile-mall API document (004): its JSON routes and the captcha image; page-only
    /// GET routes are left out, and sections without a method accept GET and POST.
    static let mobile: [ExpectedOperation] = [
        .init("login", "/mobile/login", ["POST"]),
        .init("register", "/mobile/register", ["POST"]),
        .init("member/newpwd", "/mobile/member/newpwd", ["POST"]),
        .init("phonecode", "/mobile/phonecode", ["POST"]),
        .init("emailcode", "/mobile/emailcode", ["POST"]),
        .init("checkcode", "/mobile/checkcode", ["POST"]),
        .init("code/validcode", "/mobile/code/validcode", ["GET"]),
        .init("checkusername", "/mobile/checkusername", ["POST"]),
        .init("member/shopcart/num", "/mobile/member/shopcart/num", ["POST"]),
        .init("member/shopcart/del", "/mobile/member/shopcart/del", ["POST"]),
        .init("member/shopcart/save", "/mobile/member/shopcart/save", ["POST"]),
        .init("weixinapi/address", "/weixinapi/address", ["POST"]),
        .init("member/addr/get", "/mobile/member/addr/get", ["POST"]),
        .init("member/modify", "/mobile/member/modify", ["POST"]),
        .init("member/addr/defualt", "/mobile/member/addr/defualt", ["POST"]),
        .init("member/addr/addrList", "/mobile/member/addr/addrList", ["POST"]),
        .init("member/index", "/mobile/member/index", ["GET", "POST"]),
        .init("member/modifypwd", "/mobile/member/modifypwd", ["POST"]),
        .init("member/changebind", "/mobile/member/changebind", ["POST"]),
        .init("member/checkchange", "/mobile/member/checkchange", ["GET", "POST"]),
        .init("member/paypwd", "/mobile/member/paypwd", ["POST"]),
        .init("member/checkpaypwd", "/mobile/member/checkpaypwd", ["POST"]),
        .init("member/saveinfo", "/mobile/member/saveinfo", ["GET", "POST"]),
        .init("web/member/checkpaypwd", "/web/member/checkpaypwd", ["POST"]),
        .init("member/updateheadpic", "/mobile/member/updateheadpic", ["POST"]),
        .init("area/list", "/mobile/area/list", ["POST"]),
        .init("member/recharge", "/mobile/member/recharge", ["POST"]),
        .init("alipay/bankspay", "/alipay/bankspay", ["GET", "POST"]),
        .init("weixin/pay/get_jsapi_package", "/weixin/pay/get_jsapi_package", ["GET", "POST"]),
        .init("member/merge", "/mobile/member/merge", ["GET", "POST"]),
        .init("member/relatelogin", "/mobile/member/relatelogin", ["POST"]),
        .init("member/im", "/mobile/member/im", ["POST"]),
        .init("member/phonecheck", "/mobile/member/phonecheck", ["GET"]),
        .init("member/phonepackage", "/mobile/member/phonepackage", ["POST"]),
        .init("member/facevalue", "/mobile/member/facevalue", ["GET"]),
        .init("member/phonecharge", "/mobile/member/phonecharge", ["POST"]),
        .init("member/queryphone", "/mobile/member/queryphone", ["GET"]),
        .init("member/exchangescore", "/mobile/member/exchangescore", ["POST"]),
    ]
}
