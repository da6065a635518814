/// A payment notification of WeChat Pay (v2, XML) once it is verified: which trade, how much and under
/// which WeChat transaction.
struct VerifiedPayment: Sendable, Equatable {
    let tradeNo: String
    let amount: Int64
    let transactionID: String
}

/// Why a payment notification was not believed; nothing is to change.
enum NotificationRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case badSignature
    case foreignAccount(field: String)
    case notAPayment(String)

    var description: String {
        switch self {
        case .malformed(let reason): "the notification is malformed: \(reason)"
        case .badSignature: "the notification's signature does not match"
        case .foreignAccount(let field): "the notification's \(field) is not this merchant's"
        case .notAPayment(let code): "the notification reports no payment (\(code))"
        }
    }
}

/// Reads and verifies WeChat Pay's payment notification: the strict XML, the signature under the
/// merchant's key (constant time, the kind the notification names), our app id and merchant id, and a
/// `SUCCESS` result with a whole positive `total_fee`, before anything else looks at it. The amount is
/// compared with the trade's by the trade's state machine.
enum WeChatPayNotification {
    /// The answer WeChat Pay expects once a notification is handled (or was handled before).
    static let acknowledgement = WeChatPayXML.encode(["return_code": "SUCCESS", "return_msg": "OK"])

    /// The answer that makes WeChat Pay send the notification again later.
    static func failure(_ message: String) -> String {
        WeChatPayXML.encode(["return_code": "FAIL", "return_msg": message])
    }

    static func verify(_ body: [UInt8], merchant: WeChatPayMerchant) -> Result<VerifiedPayment, NotificationRefusal> {
        let fields: [String: String]
        do {
            fields = try WeChatPayXML.decode(body)
        } catch {
            return .failure(.malformed(error.reason))
        }
        guard WeChatPaySignature.verify(fields, key: merchant.apiKey) else { return .failure(.badSignature) }
        guard merchant.accepts(appID: fields["appid"]) else { return .failure(.foreignAccount(field: "appid")) }
        guard fields["mch_id"] == merchant.merchantID else { return .failure(.foreignAccount(field: "mch_id")) }
        guard fields["return_code"] == "SUCCESS" else {
            return .failure(.notAPayment(fields["return_code"] ?? "no return_code"))
        }
        guard fields["result_code"] == "SUCCESS" else {
            return .failure(.notAPayment(fields["result_code"] ?? "no result_code"))
        }
        guard let tradeNo = fields["out_trade_no"], !tradeNo.isEmpty, tradeNo.utf8.count <= 32 else {
            return .failure(.malformed("out_trade_no is missing"))
        }
        guard let transactionID = fields["transaction_id"], !transactionID.isEmpty, transactionID.utf8.count <= 64
        else {
            return .failure(.malformed("transaction_id is missing"))
        }
        guard let feeText = fields["total_fee"], (1...12).contains(feeText.utf8.count),
            feeText.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let amount = Int64(feeText),
            amount > 0
        else { return .failure(.malformed("total_fee must be a whole number of fen above zero")) }
        return .success(VerifiedPayment(tradeNo: tradeNo, amount: amount, transactionID: transactionID))
    }
}
