import Crypto

/// A refund notification of WeChat Pay once its `req_info` decrypted and read: which refund of which
/// trade, how much, and whether it was made.
struct VerifiedRefund: Sendable, Equatable {
    let refundNo: String
    let refundID: String
    let tradeNo: String
    let amount: Int64
    /// `SUCCESS`; `CHANGE` or `REFUNDCLOSE` mean the refund was not made.
    let succeeded: Bool
}

/// Reads WeChat Pay's refund notification: it carries no signature; its `req_info` is the refund's
/// details encrypted with AES-256-ECB under the lower-case hex MD5 of the merchant's API key, so only a
/// text that decrypts under our key (and names our app and merchant) is believed.
enum WeChatPayRefundNotification {
    /// The AES key of `req_info`: the 32 characters of the lower-case hex MD5 of the API key.
    static func key(_ merchant: WeChatPayMerchant) -> [UInt8] {
        Array(Hex.encode(Digest.md5(merchant.apiKey)).utf8)
    }

    static func verify(_ body: [UInt8], merchant: WeChatPayMerchant) -> Result<VerifiedRefund, NotificationRefusal> {
        let fields: [String: String]
        do {
            fields = try WeChatPayXML.decode(body)
        } catch {
            return .failure(.malformed(error.reason))
        }
        guard fields["return_code"] == "SUCCESS" else {
            return .failure(.notAPayment(fields["return_code"] ?? "no return_code"))
        }
        guard merchant.accepts(appID: fields["appid"]) else { return .failure(.foreignAccount(field: "appid")) }
        guard fields["mch_id"] == merchant.merchantID else { return .failure(.foreignAccount(field: "mch_id")) }
        guard let info = fields["req_info"], let encrypted = Base64.decode(info), !encrypted.isEmpty,
            let plain = try? AES256ECB.decrypt(encrypted, key: key(merchant)),
            let details = try? WeChatPayXML.decode(plain, root: "root")
        else { return .failure(.badSignature) }
        guard let refundNo = details["out_refund_no"], !refundNo.isEmpty,
            let tradeNo = details["out_trade_no"], !tradeNo.isEmpty,
            let refundID = details["refund_id"], !refundID.isEmpty,
            let amount = details["refund_fee"].flatMap({ Int64($0) }), amount > 0,
            let status = details["refund_status"]
        else { return .failure(.malformed("req_info lacks the refund's numbers, amount or status")) }
        return .success(
            VerifiedRefund(
                refundNo: refundNo, refundID: refundID, tradeNo: tradeNo, amount: amount,
                succeeded: status == "SUCCESS"))
    }
}
