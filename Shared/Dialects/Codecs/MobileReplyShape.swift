import Catalog
import Mesh

/// How one endpoint of the mobile mall (API document 004) writes its reply, as its section shows it. `code` and
/// `msg` are written in the notation the endpoint's example uses (`DialectCodeTable.notation(forOperation:)`).
public enum MobileReplyShape: Sendable, Hashable {
    /// `{"code":"200","msg":…}`, the document's generic template, with `"data":…` after them when the reply
    /// carries data.
    case status
    /// `{"data":…,"code":…,"msg":…}`; `data` is null when the reply has none (the avatar section: null on
    /// failure).
    case dataFirst
    /// The members of the reply's data object, then `code` and `msg` (login: `memInfo`, and the token).
    case fieldsFirst
    /// `code` and `msg`, then the members of the reply's data object (saving an address: `addrId`).
    case fieldsLast
    /// `true` or `false` alone: `true` (or the reply's own boolean) on success, `false` on any failure.
    case flag
    /// The reply's data alone on success (a yes/no answer, an object, a list). A failure is written as
    /// `status`, since any bare value would read as an answer.
    case bare
    /// `{"isSuccess":true,"data":…}` on success; a failure is `{"isSuccess":false,"code":…,"msg":…}`.
    case isSuccess
    /// Not JSON: bytes such as the captcha image, or a redirect (see `MobileCodec`); a failure is written as
    /// `status`.
    case raw

    /// The shape of the operation named `name` (`member/addr/get`); `status` for a name the table lacks.
    public static func of(operation name: String) -> MobileReplyShape {
        byOperation[name] ?? .status
    }

    /// Every mobile operation's shape, from its section of the document.
    public static let byOperation: [String: MobileReplyShape] = [
        "login": .fieldsFirst,
        "register": .status,
        "member/newpwd": .status,
        "phonecode": .status,
        "emailcode": .status,
        "checkcode": .status,
        "code/validcode": .raw,
        "checkusername": .bare,
        "member/shopcart/num": .flag,
        "member/shopcart/del": .flag,
        "member/shopcart/save": .flag,
        "weixinapi/address": .flag,
        "member/addr/get": .bare,
        "member/modify": .fieldsLast,
        "member/addr/defualt": .flag,
        "member/addr/addrList": .dataFirst,
        "member/index": .dataFirst,
        "member/modifypwd": .status,
        "member/changebind": .status,
        "member/checkchange": .status,
        "member/paypwd": .status,
        // Section 10.2 gives this exact reply; section 8.4.2's "true/false" is the value of its `data`.
        "member/checkpaypwd": .isSuccess,
        "member/saveinfo": .flag,
        "web/member/checkpaypwd": .bare,
        "member/updateheadpic": .dataFirst,
        "area/list": .bare,
        "member/recharge": .dataFirst,
        // The section sends the browser on to Alipay's payment page.
        "alipay/bankspay": .raw,
        "weixin/pay/get_jsapi_package": .bare,
        "member/merge": .status,
        // Switching accounts is a login: the new token follows `code` and `msg`.
        "member/relatelogin": .fieldsLast,
        "member/im": .bare,
        "member/phonecheck": .dataFirst,
        "member/phonepackage": .dataFirst,
        "member/facevalue": .dataFirst,
        "member/phonecharge": .dataFirst,
        "member/queryphone": .dataFirst,
        "member/exchangescore": .dataFirst,
    ]

    /// Operations whose section gives a success code of its own, answered for an `ok` reply that names no
    /// code: 308 交易创建成功 (recharge), 1000 允许充值 (phone-credit checks), 1005 充值进行中 (top-up
    /// submitted), 1006 充值成功 (top-up status).
    public static let successCodes: [String: String] = [
        "member/recharge": "308",
        "member/phonecheck": "1000",
        "member/phonepackage": "1000",
        "member/phonecharge": "1005",
        "member/queryphone": "1006",
    ]

    /// Operations that log the client in: a successful reply's `token` is also set as the session cookie.
    public static let loginOperations: Set<String> = ["login", "member/relatelogin"]
}
