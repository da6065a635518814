import Crypto
import Foundation
import Postgres
import ServiceKit

/// What a new trade pays: the business object, its owner, the amount in fen and the provider, open for
/// `lifetime` before it closes by itself.
struct TradeDraft: Sendable, Equatable {
    let business: TradeBusiness
    let businessRef: String
    let accountID: Int64
    let amount: Int64
    /// Nil when the payer chooses later (a recharge).
    let provider: PaymentProvider?
    let lifetime: Duration
}

/// What came of a payment the provider confirmed.
enum PaymentOutcome: Sendable, Equatable {
    /// The payment paid the trade; the business is to be settled (the `settled` row of
    /// `orders.trade_payments` is its record).
    case settled(TradeRecord)
    /// The payment was recorded to be refunded in full: the trade was closed, or already paid by
    /// another transaction.
    case refundDue(TradeRecord)
    /// This transaction was applied before; nothing changed.
    case alreadyApplied(TradeRecord)
}

/// Why a confirmed payment was not applied; nothing was written.
enum PaymentRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownTrade(String)
    case rejected(TradeState.Refusal)

    var description: String {
        switch self {
        case .unknownTrade(let tradeNo): "there is no trade \(tradeNo)"
        case .rejected(let refusal): refusal.description
        }
    }
}

/// Trades in `orders.trades` and the payments confirmed for them in `orders.trade_payments`. A
/// confirmation is applied in one transaction on the trade's locked row, as `TradeState` decides, and
/// at most once per provider transaction (the payment's unique transaction id), however many times and
/// however concurrently the provider repeats it.
struct TradeBook: Sendable {
    let database: PostgresPool

    /// A new trade with a fresh 20-digit trade number: the time to the second and six random digits.
    func open(_ draft: TradeDraft, now: Date = Date()) async throws -> TradeRecord {
        let expires = now.addingTimeInterval(
            Double(draft.lifetime.components.seconds) + Double(draft.lifetime.components.attoseconds) / 1e18)
        while true {
            let tradeNo = Self.stamp(now) + SecureRandom.digits(6)
            let rows = try await database.query(
                """
                INSERT INTO orders.trades (trade_no, business, business_ref, account_id, amount, provider, expires_at)
                VALUES (\(tradeNo), \(draft.business.rawValue), \(draft.businessRef), \(draft.accountID),
                        \(draft.amount), \(draft.provider?.rawValue), \(expires))
                ON CONFLICT (trade_no) DO NOTHING
                RETURNING \(unsafeSQL: TradeRecord.columns)
                """)
            if let row = rows.first { return try TradeRecord(row: row) }
        }
    }

    /// The trade `tradeNo`; nil when unknown.
    func find(_ tradeNo: String) async throws -> TradeRecord? {
        try await database.query(
            "SELECT \(unsafeSQL: TradeRecord.columns) FROM orders.trades WHERE trade_no = \(tradeNo)"
        ).first.map(TradeRecord.init(row:))
    }

    /// Applies `provider`'s confirmation that its `transactionID` paid `amount` fen for `tradeNo`.
    func confirmPayment(
        tradeNo: String, amount: Int64, transactionID: String, provider: PaymentProvider
    ) async throws -> Result<
        PaymentOutcome, PaymentRefusal
    > {
        try await database.transaction { transaction in
            let rows = try await transaction.query(
                "SELECT \(unsafeSQL: TradeRecord.columns) FROM orders.trades WHERE trade_no = \(tradeNo) FOR UPDATE")
            guard let row = rows.first else { return .failure(.unknownTrade(tradeNo)) }
            let trade = try TradeRecord(row: row)
            let decision: TradeState.Decision
            switch trade.state.apply(
                .paymentConfirmed(amount: amount, transactionID: transactionID), amount: trade.amount,
                paidTransaction: trade.transactionID)
            {
            case .success(let made): decision = made
            case .failure(let refusal): return .failure(.rejected(refusal))
            }
            guard decision.changes else { return .success(.alreadyApplied(trade)) }
            let refunds = decision.effects.contains { if case .refundUnwantedPayment = $0 { true } else { false } }
            let recorded = try await transaction.query(
                """
                INSERT INTO orders.trade_payments (trade_id, provider, transaction_id, amount, disposition)
                VALUES (\(trade.id), \(provider.rawValue), \(transactionID), \(amount),
                        \(refunds ? "refund_due" : "settled"))
                ON CONFLICT (provider, transaction_id) DO NOTHING
                RETURNING id
                """)
            guard !recorded.isEmpty else { return .success(.alreadyApplied(trade)) }
            guard decision.next != trade.state else { return .success(.refundDue(trade)) }
            let paid = try await transaction.query(
                """
                UPDATE orders.trades SET state = \(decision.next.rawValue), transaction_id = \(transactionID),
                       provider = \(provider.rawValue), paid_at = now()
                 WHERE id = \(trade.id)
                RETURNING \(unsafeSQL: TradeRecord.columns)
                """)
            return .success(.settled(try TradeRecord(row: paid[0])))
        }
    }

    /// Closes up to `limit` unpaid trades whose time is up, oldest first, and answers their numbers.
    /// Rows another replica is closing are skipped, so sweepers running together close each trade once.
    func closeExpired(limit: Int) async throws -> [String] {
        try await database.query(
            """
            UPDATE orders.trades SET state = 'closed', closed_at = now()
             WHERE id IN (
                SELECT id FROM orders.trades WHERE state = 'created' AND expires_at <= now()
                 ORDER BY expires_at LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING trade_no
            """
        ).map { try $0.decode("trade_no") }
    }

    /// `yyyyMMddHHmmss` of `date` in China's zone.
    private static func stamp(_ date: Date) -> String {
        String(DisplayTime.china.format(date).filter(\.isNumber))
    }
}
