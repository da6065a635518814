import HTTPCore
import Mesh

// Operations of the yaf-server API document (003): every one is `POST /` with the form fields
// `data` and `sign`, named by the `method` inside `data`, and signed. Where a section takes `token`
// "when there is one", the session is optional; where it acts on the caller's own account
// (upload, logout, password change, detail, unread count, messages, orders) it is required.
//
// Parameters: the rows of each section's request table, the fields inside `data`, with the types and
// required flags the table gives. `method` and the fixed parameters every call carries (`v`, `appid`,
// `timestamp`, `unique_id`, `app_v`, `platform`, `channel`, `device_token`) are left out, also where a
// section repeats one (`app_v` in `system.upgrade`), and so are the form fields `data` and `sign`.
// `token` is kept where the section lists it. The upload's `image` is written `file`: the table types
// it String, but it is the name of the multipart file part, outside `data` and the signature. The
// login table has no password; `password` is added as optional, as the signature example sends it.
//
// `order.submit` is the platform's addition: the points mall lists orders but the document gives no way
// to place one. Its anti-duplicate token travels as `request_token`, since `token` is the session.
//
// A signed request stays valid for the timestamp window; the reads (`yafRepeatable`) may be repeated in
// it, any other operation's identical request is refused as a replay.
extension OperationCatalog {
    static let yafOperations: [Operation] = [
        yaf(
            "system.init", .content, .optional, "初始化接口",
            [
                yafToken("如果用户未登录传空字符串")
            ]),
        yaf(
            "system.upgrade", .content, .optional, "升级接口",
            [
                yafToken("有 token 就传，没有就传空字符串")
            ]),
        yaf(
            "system.request.token", .auth, .optional, "获取防重复提交令牌",
            [
                yafToken("未登录传空字符串"),
                .init("number", "Integer", true, "令牌数量，最小值为1，最大值为5"),
            ]),
        yaf(
            "system.upload", .content, .required, "文件上传接口",
            [
                yafToken("用户登录会话 TOKEN"),
                .init("image", "file", true, "文件上传标识（表单 name），不参与签名"),
            ]),
        yaf(
            "user.login", .auth, .none, "登录接口",
            [
                .init("mobile", "String", true, "手机号"),
                .init("code", "String", true, "短信验证码，需先调用发送短信验证码接口"),
                .init("login_type", "Integer", true, "登录类型 1-验证码登录、2-密码登录"),
                .init("password", "String", false, "密码登录时的密码（表中未列，见验签示例）"),
            ]),
        yaf(
            "user.register", .auth, .none, "注册接口",
            [
                .init("mobile", "String", true, "手机号"),
                .init("password", "String", true, "密码，6-20 位数字字母下划线破折号"),
                .init("code", "String", true, "短信验证码"),
            ]),
        yaf(
            "user.logout", .auth, .required, "用户退出接口",
            [
                yafToken("登录时分配给用户的 Token 令牌")
            ]
        ).changesSession(),
        yaf(
            "sms.send", .auth, .optional, "短信发送",
            [
                .init("mobile", "String", true, "手机号码"),
                yafSMSKey,
                yafToken("有则传，无则传空字符串"),
            ]),
        yaf(
            "sms.verify", .auth, .none, "短信验证",
            [
                .init("mobile", "String", true, "手机号码"),
                yafSMSKey,
                .init("code", "String", true, "验证码"),
            ]),
        yaf(
            "user.pwd.edit", .auth, .required, "用户密码修改",
            [
                yafToken("登录则传，未登录传空字符串"),
                .init("old_pwd", "String", true, "旧密码"),
                .init("new_pwd", "String", true, "新密码"),
            ]),
        yaf(
            "user.pwd.find", .auth, .none, "用户密码找回",
            [
                .init("mobile", "String", true, "用户注册的手机账号"),
                .init("code", "String", true, "短信验证码，通过 sms.send 发送"),
                .init("password", "String", true, "新密码"),
            ]),
        yaf(
            "user.detail", .user, .required, "用户详情接口",
            [
                yafToken("登录就传，未登录传空字符串")
            ]),
        yaf(
            "system.ads", .content, .optional, "系统广告接口",
            [
                yafToken("有值就传，无值传空字符串"),
                .init("code", "String", true, "广告位编码"),
            ]),
        yaf(
            "system.link", .content, .optional, "友情链接接口",
            [
                yafToken("有则传，无传空字符串")
            ]),
        yaf(
            "system.category.list", .content, .optional, "系统分类接口",
            [
                yafToken("有则传，无传空字符串"),
                .init("parentid", "Integer", true, "父分类 ID，默认传 0"),
                .init("cat_type", "Integer", true, "分类类型 1-文章分类、2-友情链接、3-商品分类"),
            ]),
        yaf(
            "system.home", .content, .optional, "系统首页接口",
            [
                yafToken("有则传，无传空字符串")
            ]),
        yaf(
            "notice.list", .content, .optional, "系统公告列表",
            [
                yafToken("有传，无传空字符串"),
                .init("page", "Integer", true, "当前页码，默认 1"),
            ]),
        yaf(
            "notice.detail", .content, .optional, "公告详情",
            [
                yafToken("有传，无传空字符串"),
                .init("noticeid", "Integer", true, "公告 ID"),
            ]),
        yaf(
            "notice.unread.count", .content, .required, "用户公告未读数量接口",
            [
                yafToken("有传，无传空字符串")
            ]),
        yaf(
            "message.list", .content, .required, "系统消息列表接口",
            [
                yafToken(),
                .init("page", "Integer", true, "页码"),
            ]),
        yaf(
            "message.read.status", .content, .required, "系统消息已读状态设置接口",
            [
                yafToken("有传，无传空字符串"),
                .init("msgid", "Integer", true, "系统消息 ID"),
            ]),
        yaf(
            "news.list", .content, .none, "文章列表接口",
            [
                .init("cat_id", "Integer", true, "分类 ID，没有指定分类传 -1"),
                .init("page", "Integer", true, "页码，默认值 1"),
            ]),
        yaf(
            "news.detail", .content, .none, "文章详情接口",
            [
                .init("news_id", "Integer", true, "文章 ID")
            ]),
        yaf(
            "goods.list", .merchants, .optional, "积分商城商品列表接口",
            [
                .init("cat_id", "Integer", true, "商品分类 ID，未选择时传 -1"),
                .init("keywords", "String", true, "商品名称搜索关键词，默认空字符串"),
                .init("start_price", "Float", true, "最小查询价格，未填写时传 -1"),
                .init("end_price", "Float", true, "最大查询价格，未填写时传 -1"),
                .init("page", "Integer", true, "当前页码，默认值 1"),
                yafToken("未登录时传空字符串"),
            ]),
        yaf(
            "goods.detail", .merchants, .optional, "积分商城商品详情接口",
            [
                .init("goods_id", "Integer", true, "商品 ID"),
                yafToken(),
            ]),
        yaf(
            "order.list", .orders, .required, "订单列表接口",
            [
                yafToken("未登录传空字符串"),
                .init("order_sn", "String", true, "订单号，默认传空字符串"),
                .init("order_status", "Integer", true, "订单状态，默认传 -1"),
                .init("start_time", "String", true, "起始下单时间，默认传空字符串"),
                .init("end_time", "String", true, "截止下单时间，默认传空字符串"),
                .init("page", "Integer", true, "页码，默认传 1"),
            ]),
        yaf(
            "order.submit", .orders, .required, "积分商城兑换下单（金币支付，下单即付款，待发货）",
            [
                yafToken(),
                .init("goods_id", "Integer", true, "商品 ID（goods.detail 的 goodsid）"),
                .init("productid", "Integer", false, "货品 ID（goods.detail 的 products.productid），单规格商品可不传"),
                .init("quantity", "Integer", true, "兑换数量，至少 1，不超过库存与每人限兑数量"),
                .init("address_id", "Integer", false, "收货地址 ID，不传或传 -1 时用默认地址"),
                .init("request_token", "String", true, "防重复提交令牌，由 system.request.token 获取，用一次即失效"),
            ]
        ).platformAddition(),
    ]

    /// The upgrade section is headed `system.upgrade` but gives `app.upgrade` as the method value;
    /// both spellings reach the same operation.
    static let yafAlternateNames: [String: String] = [
        "app.upgrade": "system.upgrade"
    ]

    private static let yafSMSKey = OperationParameter(
        "key", "String", true, "短信模板标识 注册-USER_REGISTER_CODE、登录-USER_LOGIN_CODE")

    /// The session `token` row, with the section's own note where it has one.
    private static func yafToken(_ note: String = "") -> OperationParameter {
        OperationParameter("token", "String", true, note.isEmpty ? "会话 TOKEN" : "会话 TOKEN，\(note)")
    }

    /// The reads: an identical signed request inside the timestamp window may be answered again. Every other
    /// operation changes state (or spends a code, a token or a try), and a repeat of it is a replay.
    static let yafRepeatable: Set<String> = [
        "system.init", "system.upgrade", "user.detail", "system.ads", "system.link", "system.category.list",
        "system.home", "notice.list", "notice.detail", "notice.unread.count", "message.list", "news.list",
        "news.detail", "goods.list", "goods.detail", "order.list",
    ]

    private static func yaf(
        _ name: String, _ service: ServiceName, _ session: SessionRequirement, _ title: String,
        _ parameters: [OperationParameter]
    ) -> Operation {
        Operation(
            dialect: .yaf, name: name, path: "/", methods: [.post], service: service, session: session,
            signature: .required, repeatable: yafRepeatable.contains(name), title: title, parameters: parameters)
    }
}
