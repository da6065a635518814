import HTTPCore

// Operations of the yaf-server API document (003): every one is `POST /` with the form fields
// `data` and `sign`, named by the `method` inside `data`, and signed. Where a section takes `token`
// "when there is one", the session is optional; where it acts on the caller's own account
// (upload, logout, password change, detail, unread count, messages, orders) it is required.
extension OperationCatalog {
    static let yafOperations: [Operation] = [
        yaf("system.init", .content, .optional, "初始化接口"),
        yaf("system.upgrade", .content, .optional, "升级接口"),
        yaf("system.request.token", .auth, .optional, "获取防重复提交令牌"),
        yaf("system.upload", .content, .required, "文件上传接口"),
        yaf("user.login", .auth, .none, "登录接口"),
        yaf("user.register", .auth, .none, "注册接口"),
        yaf("user.logout", .auth, .required, "用户退出接口"),
        yaf("sms.send", .auth, .optional, "短信发送"),
        yaf("sms.verify", .auth, .none, "短信验证"),
        yaf("user.pwd.edit", .auth, .required, "用户密码修改"),
        yaf("user.pwd.find", .auth, .none, "用户密码找回"),
        yaf("user.detail", .user, .required, "用户详情接口"),
        yaf("system.ads", .content, .optional, "系统广告接口"),
        yaf("system.link", .content, .optional, "友情链接接口"),
        yaf("system.category.list", .content, .optional, "系统分类接口"),
        yaf("system.home", .content, .optional, "系统首页接口"),
        yaf("notice.list", .content, .optional, "系统公告列表"),
        yaf("notice.detail", .content, .optional, "公告详情"),
        yaf("notice.unread.count", .content, .required, "用户公告未读数量接口"),
        yaf("message.list", .content, .required, "系统消息列表接口"),
        yaf("message.read.status", .content, .required, "系统消息已读状态设置接口"),
        yaf("news.list", .content, .none, "文章列表接口"),
        yaf("news.detail", .content, .none, "文章详情接口"),
        yaf("goods.list", .merchants, .optional, "积分商城商品列表接口"),
        yaf("goods.detail", .merchants, .optional, "积分商城商品详情接口"),
        yaf("order.list", .orders, .required, "订单列表接口"),
    ]

    /// The upgrade section is headed `system.upgrade` but gives `app.upgrade` as the method value;
    /// both spellings reach the same operation.
    static let yafAlternateNames: [String: String] = [
        "app.upgrade": "system.upgrade"
    ]

    private static func yaf(
        _ name: String, _ service: ServiceName, _ session: SessionRequirement, _ title: String
    ) -> Operation {
        Operation(
            dialect: .yaf, name: name, path: "/", methods: [.post], service: service, session: session,
            signed: true, title: title)
    }
}
