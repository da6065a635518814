import HTTPCore
import Mesh

// Operations of the train-ticket API document (000): every one is `POST /api/v1/user/{op}`; every one
// but `login` needs the `loginKey` header and the `userId` param. The sections that name the signing
// key (`.required`) must carry `sign` and a single-use, non-empty `nonceStr` inside `data`; on the
// others (`.whenPresent`) a `sign` that is sent is checked and a missing one accepted.
//
// Parameters: the rows of each section's request table, which describe the fields inside `data`,
// with the types and required flags the table gives. The header `loginKey` and the params `userId`,
// `userRole`, `appCode` and `data` itself, carried by every call, are left out. `nonceStr` and
// `sign` are listed where the section lists them; `getUserInfo` and `selectContacts` have no table.
//
// The merchant's side (a `userRole=business` session of an account with the merchant flag) is implied by
// the document's codes (0004 商户抢单失败, 1002 商户未开通此接口权限) and states (wait_rob, robing,
// order_audit) but not listed: the platform adds it in the same envelope and signing, after the
// document's own operations.
extension OperationCatalog {
    static let trainOperations: [Operation] = [
        train(
            "login", .required, .auth, .none, "登陆",
            [
                .init("code", "String", true, "微信登陆临时凭证"),
                trainNonce, trainSign,
            ]
        ).signedReply(),
        train("getUserInfo", .whenPresent, .user, .required, "获取个人信息").signedReply(),
        train(
            "addContacts", .required, .user, .required, "添加联系人接口",
            [
                .init("indentity", "String", true, "身份证号"),
                .init("name", "String", true, "姓名"),
                .init("linkmanType", "String", true, "乘车人类型：成人、儿童、学生"),
                .init("indentityType", "String", true, "证件类型：身份证"),
                trainNonce, trainSign,
            ]),
        train("selectContacts", .whenPresent, .user, .required, "查询联系人接口"),
        train(
            "sendPhoneCode", .required, .auth, .required, "发送验证码",
            [
                .init("phoneNo", "String", true, "手机号"),
                trainNonce, trainSign,
            ]
        ).signedReply(),
        train(
            "checkPhoneCode", .required, .auth, .required, "校验验证码",
            [
                .init("smsCode", "String", true, "验证码"),
                .init("phoneNo", "String", true, "手机号"),
                trainNonce, trainSign,
            ]
        ).changesSession(),
        train(
            "createOrder", .required, .orders, .required, "下单接口",
            [
                .init("ticketIdentity", "String", true, "身份证号"),
                .init("ticketName", "String", true, "名称"),
                .init("fromSite", "String", true, "出发站点"),
                .init("toSite", "String", true, "目的站点"),
                .init("ticketDetails", "String", true, "车票信息数组，每项 seatType、departureDate、trainNum"),
                .init("orderAmount", "double", true, "车票金额"),
                .init("termIp", "String", true, "微信支付上送"),
                trainNonce, trainSign,
            ]),
        train(
            "getOrderList", .required, .orders, .required, "查询订单列表接口",
            [
                .init("pageNum", "int", true, "页码"),
                .init("pageSize", "int", true, "1页几条"),
                trainNonce, trainSign,
            ]),
        train("getOrderDetails", .required, .orders, .required, "查询订单接口", [trainOrderID]),
        train(
            "payOrder", .required, .orders, .required, "待支付订单支付接口",
            [
                .init("id", "int", false, "订单id，与 orderNo 二必选一"),
                .init("orderNo", "String", false, "订单号，与 id 二必选一"),
            ]),
        train("cancleOrder", .whenPresent, .orders, .required, "取消订单接口", [trainOrderID]),
        train("returnAmount", .whenPresent, .orders, .required, "订单退款接口", [trainOrderID]),
        train("confirmeOrder", .whenPresent, .orders, .required, "订单确认接口", [trainOrderID]),
        train(
            "appConfig", .required, .content, .required, "查询加油包配置接口",
            [
                .init("keyType", "String", true, "填写 refuel_bag（加油包）")
            ]),
        train(
            "getRobOrderList", .required, .orders, .required, "商户：待抢订单列表（新到的在前）",
            [
                .init("pageNum", "int", true, "页码"),
                .init("pageSize", "int", true, "1页几条"),
                .init("departureDate", "String", false, "只看这一天出发的（yyyy-MM-dd）"),
                .init("fromSite", "String", false, "只看这个出发站"),
                .init("toSite", "String", false, "只看这个目的站"),
                trainNonce, trainSign,
            ]
        ).platformAddition(),
        train(
            "robOrder", .required, .orders, .required, "商户：抢单（只有一个商户抢到，其余 0004）", [trainOrderID, trainNonce, trainSign]
        )
        .platformAddition(),
        train("releaseOrder", .required, .orders, .required, "商户：放弃已抢的订单", [trainOrderID, trainNonce, trainSign])
            .platformAddition(),
        train(
            "submitTicket", .required, .orders, .required, "商户：提交出票信息，等待平台审核",
            [
                trainOrderID,
                .init("ticketNo", "String", true, "12306 订单号"),
                .init("seatInfo", "String", true, "车次、车厢和座位"),
                .init("ticketPrice", "double", true, "实际出票金额，不超过订单金额"),
                trainNonce, trainSign,
            ]
        ).platformAddition(),
        train(
            "getRobbedOrderList", .required, .orders, .required, "商户：我抢到的订单",
            [
                .init("pageNum", "int", true, "页码"),
                .init("pageSize", "int", true, "1页几条"),
                trainNonce, trainSign,
            ]
        ).platformAddition(),
    ]

    private static let trainNonce = OperationParameter("nonceStr", "String", true, "随机字符串，不长于32位，每次请求唯一")
    private static let trainSign = OperationParameter("sign", "String", true, "md5摘要，以首字母顺序拼接签名")
    private static let trainOrderID = OperationParameter("id", "int", true, "订单id")

    private static func train(
        _ name: String, _ signature: SignatureRequirement, _ service: ServiceName, _ session: SessionRequirement,
        _ title: String, _ parameters: [OperationParameter] = []
    ) -> Operation {
        Operation(
            dialect: .train, name: name, path: "/api/v1/user/\(name)", methods: [.post], service: service,
            session: session, signature: signature, title: title, parameters: parameters)
    }
}
