import Postgres

/// Compares trades with what their provider knows (its order query) and re-applies a payment whose
/// notification never arrived. A trade agrees with the provider when a payment the provider has is on
/// record here (paying the trade, or kept for refund), or when neither has one.
struct Reconciler: Sendable {
    /// A trade whose state here differs from the provider's, or that the provider could not be asked about.
    struct Difference: Sendable, Equatable {
        let tradeNo: String
        let here: TradeState
        let provider: String
        let note: String
    }

    /// Why a payment could not be re-applied.
    enum ReapplyRefusal: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownTrade
        case notWithWeChatPay
        case providerSaysUnpaid(String)
        case providerFailed(String)
        case rejected(PaymentRefusal)

        var description: String {
            switch self {
            case .unknownTrade: "there is no such trade"
            case .notWithWeChatPay: "the trade was not prepared with WeChat Pay"
            case .providerSaysUnpaid(let state): "WeChat Pay reports the order \(state), not paid"
            case .providerFailed(let detail): detail
            case .rejected(let refusal): refusal.description
            }
        }
    }

    let book: TradeBook
    let wechat: WeChatPayClient

    /// The differences among the WeChat Pay trades of the last `hours` hours (newest first, up to `limit`).
    func differences(hours: Int, limit: Int) async throws -> [Difference] {
        let rows = try await book.database.query(
            """
            SELECT trade_no, state,
                   EXISTS (SELECT 1 FROM orders.trade_payments p WHERE p.trade_id = t.id) AS recorded
              FROM orders.trades t
             WHERE provider = 'wechat' AND (prepay_id IS NOT NULL OR state = 'paid')
               AND created_at > now() - make_interval(hours => \(hours)::int)
             ORDER BY id DESC LIMIT \(limit)
            """)
        var differences: [Difference] = []
        for row in rows {
            let tradeNo: String = try row.decode("trade_no")
            guard let here = TradeState(rawValue: try row.decode("state")) else { continue }
            let recorded: Bool = try row.decode("recorded")
            let status: WeChatPayOrderStatus
            do {
                status = try await wechat.query(tradeNo: tradeNo)
            } catch {
                differences.append(
                    Difference(tradeNo: tradeNo, here: here, provider: "unknown", note: error.description))
                continue
            }
            let paidThere = status.state == .success || status.state == .refund
            if paidThere != recorded {
                let note =
                    paidThere
                    ? "WeChat Pay has the payment: re-apply it"
                    : "a payment is on record here, but WeChat Pay reports \(status.state.rawValue)"
                differences.append(
                    Difference(tradeNo: tradeNo, here: here, provider: status.state.rawValue, note: note))
            }
        }
        return differences
    }

    /// Asks WeChat Pay about `tradeNo` and applies its payment as the notification would have.
    func reapply(tradeNo: String) async throws -> Result<PaymentOutcome, ReapplyRefusal> {
        guard let trade = try await book.find(tradeNo) else { return .failure(.unknownTrade) }
        guard trade.provider == .wechat else { return .failure(.notWithWeChatPay) }
        let status: WeChatPayOrderStatus
        do {
            status = try await wechat.query(tradeNo: tradeNo)
        } catch {
            return .failure(.providerFailed(error.description))
        }
        guard status.state == .success || status.state == .refund, let transactionID = status.transactionID,
            let amount = status.amount
        else { return .failure(.providerSaysUnpaid(status.state.rawValue)) }
        switch try await book.confirmPayment(
            tradeNo: tradeNo, amount: amount, transactionID: transactionID, provider: .wechat)
        {
        case .success(let outcome): return .success(outcome)
        case .failure(let refusal): return .failure(.rejected(refusal))
        }
    }
}
