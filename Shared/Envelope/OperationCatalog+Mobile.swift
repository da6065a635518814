import HTTPCore

// Operations of the mobile-mall API document (004), with its `${ctx}` prefix taken as empty.
// Routes that only render a page are left out, except the captcha image. Where a section gives
// no request method, both GET and POST are accepted. Nothing is signed. The `member/` routes
// need a logged-in member, except `member/newpwd`, which resets a forgotten password.
extension OperationCatalog {
    static let mobileOperations: [Operation] = [
        mobile("/mobile/login", [.post], .auth, .none, "登录login接口"),
        mobile("/mobile/register", [.post], .auth, .none, "注册接口"),
        mobile("/mobile/member/newpwd", [.post], .auth, .none, "保存重置的新密码"),
        mobile("/mobile/phonecode", [.post], .auth, .none, "手机获取校验码短信接口"),
        mobile("/mobile/emailcode", [.post], .auth, .none, "邮箱获取校验码短信接口"),
        mobile("/mobile/checkcode", [.post], .auth, .none, "验证码是否正确接口"),
        mobile("/mobile/code/validcode", [.get], .auth, .none, "获取验证图形接口"),
        mobile("/mobile/checkusername", [.post], .auth, .none, "检测username是否已经被使用"),
        mobile("/mobile/member/shopcart/num", [.post], .orders, .required, "修改购物车数量"),
        mobile("/mobile/member/shopcart/del", [.post], .orders, .required, "删除购物车"),
        mobile("/mobile/member/shopcart/save", [.post], .orders, .required, "加入购物车"),
        mobile("/weixinapi/address", [.post], .user, .required, "微信H5保存用户收货地址"),
        mobile("/mobile/member/addr/get", [.post], .user, .required, "获取单个收货地址"),
        mobile("/mobile/member/modify", [.post], .user, .required, "添加保存或修改保存收货地址"),
        mobile("/mobile/member/addr/defualt", [.post], .user, .required, "设置默认收货地址"),
        mobile("/mobile/member/addr/addrList", [.post], .user, .required, "收货地址列表"),
        mobile("/mobile/member/index", [.get, .post], .user, .required, "用户个人中心"),
        mobile("/mobile/member/modifypwd", [.post], .auth, .required, "保存用户修改密码"),
        mobile("/mobile/member/changebind", [.post], .auth, .required, "用户首次绑定或更换绑定手机、邮箱"),
        mobile("/mobile/member/checkchange", [.get, .post], .auth, .required, "检验更换绑定的新手机或邮箱"),
        mobile("/mobile/member/paypwd", [.post], .auth, .required, "用户设置/修改支付密码"),
        mobile("/mobile/member/checkpaypwd", [.post], .auth, .required, "检测用户是否设置支付密码"),
        mobile("/mobile/member/saveinfo", [.get, .post], .user, .required, "用户完善个人信息"),
        mobile("/web/member/checkpaypwd", [.post], .auth, .required, "检测用户是否设置支付密码（web）"),
        mobile("/mobile/member/updateheadpic", [.post], .user, .required, "修改用户头像"),
        mobile("/mobile/area/list", [.post], .content, .none, "省市区三级列表"),
        mobile("/mobile/member/recharge", [.post], .orders, .required, "生成一个充值待支付记录"),
        mobile("/alipay/bankspay", [.get, .post], .orders, .required, "充值请求第三方支付接口（支付宝）"),
        mobile("/weixin/pay/get_jsapi_package", [.get, .post], .orders, .required, "充值获取支付参数接口（微信支付）"),
        mobile("/mobile/member/merge", [.get, .post], .auth, .required, "账户关联请求"),
        mobile("/mobile/member/relatelogin", [.post], .auth, .required, "关联账户之间切换登录"),
        mobile("/mobile/member/im", [.post], .user, .required, "登录后获取IM账号"),
        mobile("/mobile/member/phonecheck", [.get], .orders, .required, "号码是否允许充值"),
        mobile("/mobile/member/phonepackage", [.post], .orders, .required, "获取话费套餐信息"),
        mobile("/mobile/member/facevalue", [.get], .orders, .required, "获取充值面额"),
        mobile("/mobile/member/phonecharge", [.post], .orders, .required, "话费充值接口"),
        mobile("/mobile/member/queryphone", [.get], .orders, .required, "话费充值订单状态更新接口"),
        mobile("/mobile/member/exchangescore", [.post], .user, .required, "积分兑换余额接口"),
    ]

    /// The client-facing name of a mobile path: the tail after `/mobile/`, or the whole path
    /// without its leading slash for the few routes outside `/mobile` (`weixinapi/address`).
    static func mobileName(ofPath path: String) -> String {
        let mobilePrefix = "/mobile/"
        if path.hasPrefix(mobilePrefix) { return String(path.dropFirst(mobilePrefix.count)) }
        return String(path.drop(while: { $0 == "/" }))
    }

    private static func mobile(
        _ path: String, _ methods: [HTTPMethod], _ service: ServiceName, _ session: SessionRequirement,
        _ title: String
    ) -> Operation {
        Operation(
            dialect: .mobile, name: mobileName(ofPath: path), path: path, methods: methods, service: service,
            session: session, signed: false, title: title)
    }
}
