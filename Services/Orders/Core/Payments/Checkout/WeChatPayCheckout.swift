import Crypto
import Foundation
import Mesh
import ServiceKit

/// Prepares a trade for WeChat Pay in a mini-program or WeChat's browser: chooses WeChat Pay for the
/// payer's open trade, places the unified order once (its prepay id is kept and reused while WeChat Pay
/// honours it, two hours, never past the trade's own time) and answers the `wx.requestPayment` parameters
/// with their `paySign`.
struct WeChatPayCheckout: Sendable {
    /// How long WeChat Pay honours a prepay id.
    static let prepayLifetime: TimeInterval = 2 * 3600

    let book: TradeBook
    let client: WeChatPayClient
    let notifyURL: String
    let lifetime: Duration

    /// The JSAPI parameters for the payer's trade `tradeNo`, or the refusal to answer in the caller's dialect.
    /// `appID` is the mini-program paying (one linked to the merchant account); nil for the account's own.
    func parameters(
        tradeNo: String, accountID: Int64, openID: String?, clientIP: String?, appID: String? = nil, now: Date = Date()
    ) async throws -> Result<[String: String], PlainRefusal> {
        guard let client = appID.map({ client.paying(in: $0) }) ?? client else {
            return .failure(PlainRefusal(.invalidState, "该小程序未开通微信支付"))
        }
        let trade: TradeRecord
        switch try await book.checkout(tradeNo, accountID: accountID, provider: .wechat) {
        case .success(let open): trade = open
        case .failure(.unknownTrade): return .failure(.notFound("交易不存在"))
        case .failure(.alreadyPaid): return .failure(PlainRefusal(.invalidState, "交易已支付"))
        case .failure(.closed): return .failure(PlainRefusal(.invalidState, "交易已关闭，请重新发起充值"))
        }
        let prepayID: String
        if let kept = trade.prepayID, let until = trade.preparedUntil, until > now.addingTimeInterval(60),
            (trade.prepayAppID ?? client.merchant.appID) == client.merchant.appID
        {
            prepayID = kept
        } else {
            guard let openID, !openID.isEmpty else {
                return .failure(.invalid("微信支付需要付款人在公众号或小程序中的 openid"))
            }
            let expires = trade.createdAt.addingTimeInterval(Self.seconds(lifetime))
            let order = WeChatPayOrderRequest(
                tradeNo: trade.tradeNo, amount: trade.amount, description: Self.description(of: trade.business),
                openID: openID, clientIP: Self.address(clientIP), notifyURL: notifyURL, expires: expires)
            do {
                prepayID = try await client.unifiedOrder(order)
            } catch {
                return .failure(PlainRefusal(.providerFailed, "微信支付下单失败：\(Self.wording(error))"))
            }
            let until = min(now.addingTimeInterval(Self.prepayLifetime), expires)
            try await book.recordPrepay(prepayID, tradeNo: trade.tradeNo, until: until, appID: client.merchant.appID)
        }
        return .success(
            WeChatPayJSAPI.parameters(
                prepayID: prepayID, merchant: client.merchant, timestamp: Int(now.timeIntervalSince1970),
                nonce: SecureRandom.token(bytes: 12)))
    }

    /// What the payer sees in WeChat Pay as the purchase.
    static func description(of business: TradeBusiness) -> String {
        switch business {
        case .recharge: "余额充值"
        case .phone: "话费充值"
        case .train: "火车票"
        case .o2o: "团购券"
        }
    }

    /// The payer's IPv4 address as WeChat Pay wants it; a loopback one when the caller's is unknown or IPv6.
    static func address(_ text: String?) -> String {
        guard let text, text.split(separator: ".").count == 4, text.utf8.count <= 15 else { return "127.0.0.1" }
        return text
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func wording(_ error: WeChatPayError) -> String {
        switch error {
        case .refused(_, let message): message
        case .unreachable, .malformedAnswer: "支付服务暂时不可用"
        }
    }
}
