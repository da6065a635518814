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

    /// What a provider says of one trade: whether it holds a payment for it, and that payment.
    struct ProviderView: Sendable, Equatable {
        /// The provider's own word for the trade's state (`SUCCESS`, `TRADE_CLOSED` …).
        let state: String
        let payment: ProviderPayment?
    }

    /// A payment as the provider holds it.
    struct ProviderPayment: Sendable, Equatable {
        let transactionID: String
        let amount: Int64
    }

    /// Why a payment could not be re-applied.
    enum ReapplyRefusal: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownTrade
        case noProvider
        case providerSaysUnpaid(String)
        case providerFailed(String)
        case rejected(PaymentRefusal)

        var description: String {
            switch self {
            case .unknownTrade: "there is no such trade"
            case .noProvider: "the trade was not prepared with a provider that can be asked"
            case .providerSaysUnpaid(let state): "the provider reports the trade \(state), not paid"
            case .providerFailed(let detail): detail
            case .rejected(let refusal): refusal.description
            }
        }
    }

    let book: TradeBook
    let wechat: WeChatPayClient
    let alipay: AlipayClient?

    /// What `provider` says of `tradeNo`; nil when the provider is not configured here.
    func view(of tradeNo: String, at provider: PaymentProvider) async throws -> ProviderView? {
        switch provider {
        case .wechat:
            let status = try await wechat.query(tradeNo: tradeNo)
            let paid = status.state == .success || status.state == .refund
            guard paid, let transactionID = status.transactionID, let amount = status.amount else {
                return ProviderView(state: status.state.rawValue, payment: nil)
            }
            return ProviderView(
                state: status.state.rawValue, payment: ProviderPayment(transactionID: transactionID, amount: amount))
        case .alipay:
            guard let alipay else { return nil }
            switch try await alipay.query(tradeNo: tradeNo) {
            case .paid(let transactionID, let amount, let finished):
                return ProviderView(
                    state: finished ? "TRADE_FINISHED" : "TRADE_SUCCESS",
                    payment: ProviderPayment(transactionID: transactionID, amount: amount))
            case .waitingForPayment: return ProviderView(state: "WAIT_BUYER_PAY", payment: nil)
            case .closed: return ProviderView(state: "TRADE_CLOSED", payment: nil)
            case .notCreated: return ProviderView(state: "TRADE_NOT_EXIST", payment: nil)
            }
        }
    }

    /// The differences among the trades of the last `hours` hours that went to a provider (newest first, up
    /// to `limit`).
    func differences(hours: Int, limit: Int) async throws -> [Difference] {
        let rows = try await book.database.query(
            """
            SELECT trade_no, state, provider,
                   EXISTS (SELECT 1 FROM orders.trade_payments p WHERE p.trade_id = t.id) AS recorded
              FROM orders.trades t
             WHERE (provider = 'alipay' OR prepay_id IS NOT NULL OR state = 'paid')
               AND created_at > now() - make_interval(hours => \(hours)::int)
             ORDER BY id DESC LIMIT \(limit)
            """)
        var differences: [Difference] = []
        for row in rows {
            let tradeNo: String = try row.decode("trade_no")
            guard let here = TradeState(rawValue: try row.decode("state")) else { continue }
            let recorded: Bool = try row.decode("recorded")
            guard let provider = PaymentProvider(rawValue: try row.decode("provider")) else { continue }
            let view: ProviderView
            do {
                guard let known = try await self.view(of: tradeNo, at: provider) else { continue }
                view = known
            } catch {
                differences.append(Difference(tradeNo: tradeNo, here: here, provider: "unknown", note: "\(error)"))
                continue
            }
            if (view.payment != nil) != recorded {
                let note =
                    view.payment != nil
                    ? "the provider has the payment: re-apply it"
                    : "a payment is on record here, but the provider reports \(view.state)"
                differences.append(Difference(tradeNo: tradeNo, here: here, provider: view.state, note: note))
            }
        }
        return differences
    }

    /// Asks the trade's provider about `tradeNo` and applies its payment as the notification would have.
    func reapply(tradeNo: String) async throws -> Result<PaymentOutcome, ReapplyRefusal> {
        guard let trade = try await book.find(tradeNo) else { return .failure(.unknownTrade) }
        guard let provider = trade.provider else { return .failure(.noProvider) }
        let view: ProviderView
        do {
            guard let known = try await self.view(of: tradeNo, at: provider) else { return .failure(.noProvider) }
            view = known
        } catch {
            return .failure(.providerFailed("\(error)"))
        }
        guard let payment = view.payment else { return .failure(.providerSaysUnpaid(view.state)) }
        switch try await book.confirmPayment(
            tradeNo: tradeNo, amount: payment.amount, transactionID: payment.transactionID, provider: provider)
        {
        case .success(let outcome): return .success(outcome)
        case .failure(let refusal): return .failure(.rejected(refusal))
        }
    }
}
