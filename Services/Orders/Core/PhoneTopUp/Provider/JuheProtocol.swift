import Crypto

/// Juhe's phone-credit API (聚合数据 话费充值, `https://op.juhe.cn/ofpay/mobile/…`, documented at
/// `juhe.cn/docs/api/id/85`), as this client and its simulator speak it. Every answer is JSON
/// `{"reason","result","error_code"}`, `error_code` 0 for success:
///
/// | operation | request | `result` on success |
/// |---|---|---|
/// | `telcheck` | GET `phoneno`, `cardnum`, `key` | null: the number may take the face value |
/// | `telquery` | GET `phoneno`, `cardnum`, `key` | `cardid`, `cardname`, `inprice` (yuan), `game_area` |
/// | `onlineorder` | POST form `phoneno`, `cardnum`, `orderid`, `key`, `sign` | `cardid`, `cardnum`, `ordercash`, `cardname`, `sporder_id`, `uorderid`, `game_userid`, `game_state` |
/// | `ordersta` | GET `orderid`, `key` | `uordercash`, `sporder_id`, `game_state` |
///
/// `cardnum` is the face value in yuan, `orderid` the merchant's order number (8 to 32 letters and
/// digits, never reused), `sign` the lower-case hex MD5 of OpenID + key + phoneno + cardnum + orderid,
/// `game_state` 0 charging, 1 charged, 9 failed (-1, "submission failed", is read as failed too).
///
/// Sources: the request and answer shapes and the sign come from Juhe's published examples as they
/// are reproduced in public articles (e.g. `https://www.codetd.com/en/article/14153507`, "Mobile phone
/// bill recharge API") and client code (the Go and PHP clients that call
/// `op.juhe.cn/ofpay/mobile/onlineorder` with `md5(OpenID+key+phoneno+cardnum+orderid)`); the two
/// refusal codes the mobile mall document shows (208505, 208506) are Juhe's. The codes marked
/// "simulator" below are this simulator's own choice where those examples show none: check them
/// against Juhe's current error table before going live. The client never refunds on a code it does
/// not know (see `ProviderRefusal.isDefinitive`).
enum JuheProtocol {
    /// The request paths under the API's base URL.
    enum Path {
        static let check = "/telcheck"
        static let query = "/telquery"
        static let order = "/onlineorder"
        static let status = "/ordersta"
    }

    /// The `error_code` values this client and the simulator act on.
    enum Code {
        static let success = 0
        /// 错误的请求KEY (Juhe's common error table).
        static let wrongKey = 10001
        /// 错误的手机号码 (document 004, 13.2).
        static let wrongNumber = 208505
        /// 错误的充值金额 (document 004, 13.2).
        static let wrongAmount = 208506
        /// The sign does not match (simulator).
        static let wrongSign = 208590
        /// The order number is malformed or was used before (simulator).
        static let orderNumberTaken = 208591
        /// No order has that number (simulator).
        static let unknownOrder = 208592

        /// Codes that prove an `onlineorder` was not taken: the number, the amount, the key or the sign
        /// is wrong. Anything else leaves the order open until `ordersta` tells.
        static let definitive: Set<Int> = [wrongKey, wrongNumber, wrongAmount, wrongSign]
    }

    /// `md5(OpenID + key + phoneno + cardnum + orderid)` in lower-case hex.
    static func sign(openID: String, key: String, phone: String, cardNum: Int, orderID: String) -> String {
        Hex.encode(Digest.md5(openID + key + phone + String(cardNum) + orderID))
    }

    /// Whether `orderID` is a merchant order number Juhe accepts: 8 to 32 ASCII letters and digits.
    static func isOrderID(_ orderID: String) -> Bool {
        (8...32).contains(orderID.utf8.count)
            && orderID.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
    }
}

/// The account at Juhe: the OpenID of the account and the key of its phone-credit application. Neither
/// is ever logged.
struct JuheCredentials: Sendable, Equatable {
    let openID: String
    let key: String
}
