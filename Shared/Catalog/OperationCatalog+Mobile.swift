import HTTPCore
import Mesh

// Operations of the mobile-mall API document (004), with its `${ctx}` prefix taken as empty.
// Routes that only render a page are left out, except the captcha image. Where a section gives
// no request method, both GET and POST are accepted. Nothing is signed. The `member/` routes
// need a logged-in member, except `member/newpwd`, which resets a forgotten password. The platform adds
// `member/shopcart/list`, the cart's lines as JSON (section 6.1 renders them as a page).
//
// Parameters: the names each section lists in its prose (the document has no tables). The session
// token every call may carry (cookie, header or parameter; `web/member/checkpaypwd` asks for nothing
// else) is left out. The document writes no types: ids, counts, numeric codes and the face value are
// written `int`, the recharge amount `double`, everything else `String`. A parameter is required
// unless the section calls it optional or needed only sometimes (`tdPostcode`, `tdId`, `tmBirthday`).
// The captcha image, the address list, the member centre, the pay-password checks, switching linked
// accounts, the IM account and the face values take none.
extension OperationCatalog {
    static let mobileOperations: [Operation] = [
        mobile(
            "/mobile/login", [.post], .auth, .none, "登录login接口",
            [
                .init("username", "String", true, "登录名"),
                .init("pwd", "String", true, "密码"),
            ]
        ).shaped(.fieldsFirst).opensSession(),
        mobile(
            "/mobile/register", [.post], .auth, .none, "注册接口",
            [
                .init("username", "String", true, "手机号或者邮箱"),
                .init("pwd", "String", true, "密码（6-32位长度）"),
                .init("phoneCode", "String", true, "手机或者邮箱校验码"),
            ]),
        mobile(
            "/mobile/member/newpwd", [.post], .auth, .none, "保存重置的新密码",
            [
                .init("username", "String", true, "账户名（手机号或邮箱）"),
                .init("newpwd", "String", true, "新密码"),
                .init("phonecode", "String", true, "手机/邮箱收到的校验码"),
            ]),
        mobile(
            "/mobile/phonecode", [.post], .auth, .none, "手机获取校验码短信接口",
            [
                .init("phone", "String", true, "手机号"),
                .init("validcode", "String", true, "图形验证码"),
                .init("type", "int", true, "1 注册或更换绑定手机号，2 忘记密码、设置支付密码"),
            ]),
        mobile(
            "/mobile/emailcode", [.post], .auth, .none, "邮箱获取校验码短信接口",
            [
                .init("email", "String", true, "邮箱号"),
                .init("type", "int", true, "1 注册或更换绑定邮箱，2 忘记密码、设置支付密码"),
            ]),
        mobile(
            "/mobile/checkcode", [.post], .auth, .none, "验证码是否正确接口",
            [
                .init("phonecode", "String", true, "校验码"),
                .init("username", "String", true, "手机号或邮箱地址"),
                .init("validcode", "String", true, "图形验证码"),
            ]),
        mobile("/mobile/code/validcode", [.get], .auth, .none, "获取验证图形接口").shaped(.raw),
        mobile(
            "/mobile/checkusername", [.post], .auth, .none, "检测username是否已经被使用",
            [
                .init("username", "String", true, "账户名（手机号或邮箱）")
            ]
        ).shaped(.bare),
        mobile(
            "/mobile/member/shopcart/num", [.post], .orders, .required, "修改购物车数量",
            [
                .init("number", "int", true, "修改之后的数量，最小值为1"),
                .init("shopcartId", "int", true, "购物车Id"),
            ]
        ).shaped(.flag),
        mobile(
            "/mobile/member/shopcart/del", [.post], .orders, .required, "删除购物车",
            [
                .init("shopcartId", "int", true, "购物车Id")
            ]
        ).shaped(.flag),
        mobile(
            "/mobile/member/shopcart/save", [.post], .orders, .required, "加入购物车",
            [
                .init("proId", "int", true, "产品Id"),
                .init("proSkuId", "int", true, "skuId"),
                .init("num", "int", true, "数量"),
            ]
        ).shaped(.flag),
        // Section 6.1 renders the cart as a page; the platform answers its lines as JSON.
        mobile("/mobile/member/shopcart/list", [.get, .post], .orders, .required, "购物车列表").shaped(.dataFirst)
            .platformAddition(),
        mobile(
            "/weixinapi/address", [.post], .user, .required, "微信H5保存用户收货地址",
            [
                .init("phone", "String", true, "手机号11位"),
                .init("provincename", "String", true, "省名"),
                .init("province", "String", true, "省编码"),
                .init("cityname", "String", true, "市名"),
                .init("city", "String", true, "市行政编码"),
                .init("areaname", "String", true, "区名"),
                .init("area", "String", true, "区行政编码"),
                .init("detail", "String", true, "详细地址"),
                .init("receiver", "String", true, "收货人"),
                .init("openId", "String", true, "微信openId"),
            ]
        ).shaped(.flag),
        mobile(
            "/mobile/member/addr/get", [.post], .user, .required, "获取单个收货地址",
            [
                .init("id", "int", true, "要修改的收货地址id值")
            ]
        ).shaped(.bare),
        mobile(
            "/mobile/member/modify", [.post], .user, .required, "添加保存或修改保存收货地址",
            [
                .init("tdProvince", "String", true, "省份编码"),
                .init("tdCity", "String", true, "市编码"),
                .init("tdArea", "String", true, "县编码"),
                .init("tdProvinceName", "String", true, "省名称"),
                .init("tdCityName", "String", true, "市名称"),
                .init("tdAreaName", "String", true, "县名称"),
                .init("tdDetail", "String", true, "详细地址"),
                .init("tdReciver", "String", true, "收货人"),
                .init("tdPhone", "String", true, "收货手机号"),
                .init("tdPostcode", "String", false, "邮编"),
                .init("tdId", "int", false, "带上表示修改保存，不带表示添加保存"),
            ]
        ).shaped(.fieldsLast),
        mobile(
            "/mobile/member/addr/defualt", [.post], .user, .required, "设置默认收货地址",
            [
                .init("id", "int", true, "要设置为默认收货地址的id值")
            ]
        ).shaped(.flag),
        mobile("/mobile/member/addr/addrList", [.post], .user, .required, "收货地址列表").shaped(.dataFirst),
        mobile("/mobile/member/index", [.get, .post], .user, .required, "用户个人中心").shaped(.dataFirst).numericCode(),
        mobile(
            "/mobile/member/modifypwd", [.post], .auth, .required, "保存用户修改密码",
            [
                .init("pwd", "String", true, "原密码"),
                .init("newpwd", "String", true, "新密码"),
            ]),
        mobile(
            "/mobile/member/changebind", [.post], .auth, .required, "用户首次绑定或更换绑定手机、邮箱",
            [
                .init("username", "String", true, "新手机号或邮箱"),
                .init("phonecode", "String", true, "手机/邮箱收到的校验码"),
                .init("pwd", "String", true, "登录密码，首次绑定传空字符串"),
                .init("type", "String", true, "绑定方式 phone 或 email"),
            ]),
        mobile(
            "/mobile/member/checkchange", [.get, .post], .auth, .required, "检验更换绑定的新手机或邮箱",
            [
                .init("username", "String", true, "账号"),
                .init("type", "String", true, "手机/邮箱（phone/email）"),
                .init("pwd", "String", true, "密码，初次绑定传空字符串"),
            ]),
        mobile(
            "/mobile/member/paypwd", [.post], .auth, .required, "用户设置/修改支付密码",
            [
                .init("username", "String", true, "账号（手机、邮箱）"),
                .init("paypwd", "String", true, "支付密码"),
                .init("code", "String", true, "手机/邮箱收到的校验码"),
            ]
        ).numericCode(),
        // Section 10.2 gives this exact reply; section 8.4.2's "true/false" is the value of its `data`.
        mobile("/mobile/member/checkpaypwd", [.post], .auth, .required, "检测用户是否设置支付密码").shaped(.isSuccess),
        mobile(
            "/mobile/member/saveinfo", [.get, .post], .user, .required, "用户完善个人信息",
            [
                .init("tmMemberNickname", "String", true, "昵称"),
                .init("tmRealName", "String", true, "真实姓名"),
                .init("tmSex", "String", true, "性别（M/W）"),
                .init("tmBirthday", "String", false, "用户生日，首次保存必填，之后不可修改"),
                .init("tmIdCard", "String", true, "身份证号"),
            ]
        ).shaped(.flag),
        mobile("/web/member/checkpaypwd", [.post], .auth, .required, "检测用户是否设置支付密码（web）").shaped(.bare),
        mobile(
            "/mobile/member/updateheadpic", [.post], .user, .required, "修改用户头像",
            [
                .init("headpic", "String", true, "图片转换成base64形式")
            ]
        ).shaped(.dataFirst).numericCode().carriesImage(),
        mobile(
            "/mobile/area/list", [.post], .content, .none, "省市区三级列表",
            [
                .init("pcode", "String", true, "1 查询所有省；省或市行政编码查询下级")
            ]
        ).shaped(.bare),
        mobile(
            "/mobile/member/recharge", [.post], .orders, .required, "生成一个充值待支付记录",
            [
                .init("amount", "double", true, "充值金额（保留两位小数）")
            ]
        ).shaped(.dataFirst).succeeding(with: "308").numericCode(),
        // The section sends the browser on to Alipay's payment page.
        mobile(
            "/alipay/bankspay", [.get, .post], .orders, .required, "充值请求第三方支付接口（支付宝）",
            [
                .init("trade_no", "String", true, "充值交易号")
            ]
        ).shaped(.raw),
        mobile(
            "/weixin/pay/get_jsapi_package", [.get, .post], .orders, .required, "充值获取支付参数接口（微信支付）",
            [
                .init("orderNum", "String", true, "充值交易号")
            ]
        ).shaped(.bare),
        mobile(
            "/mobile/member/merge", [.get, .post], .auth, .required, "账户关联请求",
            [
                .init("username", "String", true, "待关联的主账户手机号"),
                .init("pwd", "String", true, "关联主账户的登录密码"),
            ]),
        // Switching accounts is a login: the new token follows `code` and `msg`.
        mobile("/mobile/member/relatelogin", [.post], .auth, .required, "关联账户之间切换登录").shaped(.fieldsLast).opensSession()
            .changesSession(),
        mobile("/mobile/member/im", [.post], .user, .required, "登录后获取IM账号").shaped(.bare),
        mobile("/mobile/member/phonecheck", [.get], .orders, .required, "号码是否允许充值", mobilePhoneAndFaceValue).shaped(
            .dataFirst
        ).succeeding(with: "1000"),
        mobile("/mobile/member/phonepackage", [.post], .orders, .required, "获取话费套餐信息", mobilePhoneAndFaceValue).shaped(
            .dataFirst
        ).succeeding(with: "1000"),
        mobile("/mobile/member/facevalue", [.get], .orders, .required, "获取充值面额").shaped(.dataFirst),
        mobile(
            "/mobile/member/phonecharge", [.post], .orders, .required, "话费充值接口",
            mobilePhoneAndFaceValue + [
                .init("paypwd", "String", true, "支付密码")
            ]
        ).shaped(.dataFirst).succeeding(with: "1005"),
        mobile(
            "/mobile/member/queryphone", [.get], .orders, .required, "话费充值订单状态更新接口",
            [
                .init("orderno", "String", true, "充值订单号，取自话费充值接口的 data.orderNo")
            ]
        ).shaped(.dataFirst).succeeding(with: "1006"),
        mobile(
            "/mobile/member/exchangescore", [.post], .user, .required, "积分兑换余额接口",
            [
                .init("score", "int", true, "兑换积分值，正整数")
            ]
        ).shaped(.dataFirst).numericCode(),
    ]

    /// The client-facing name of a mobile path: the tail after `/mobile/`, or the whole path
    /// without its leading slash for the few routes outside `/mobile` (`weixinapi/address`).
    static func mobileName(ofPath path: String) -> String {
        let mobilePrefix = "/mobile/"
        if path.hasPrefix(mobilePrefix) { return String(path.dropFirst(mobilePrefix.count)) }
        return String(path.drop(while: { $0 == "/" }))
    }

    /// The phone-credit sections' number and face value.
    private static let mobilePhoneAndFaceValue: [OperationParameter] = [
        .init("phone", "String", true, "充值号码"),
        .init("facevalue", "int", true, "充值面值（目前可选 10、20、30、50、100、300）"),
    ]

    private static func mobile(
        _ path: String, _ methods: [HTTPMethod], _ service: ServiceName, _ session: SessionRequirement,
        _ title: String, _ parameters: [OperationParameter] = []
    ) -> Operation {
        Operation(
            dialect: .mobile, name: mobileName(ofPath: path), path: path, methods: methods, service: service,
            session: session, signed: false, title: title, parameters: parameters)
    }
}
