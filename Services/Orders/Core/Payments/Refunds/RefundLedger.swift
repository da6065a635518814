import Postgres

/// Why a refund was not recorded; nothing was written.
enum RefundRequestRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownTrade
    case notPaid
    case rejected(RefundBook.Refusal)

    var description: String {
        switch self {
        case .unknownTrade: "there is no such trade"
        case .notPaid: "the trade is not paid; there is nothing to refund"
        case .rejected(let refusal): refusal.description
        }
    }
}

/// Refunds in `orders.refunds`. Each change is decided by the payment's `RefundBook` under the payment's
/// row lock, so concurrent requests never refund more than was paid and a number is used for one refund
/// only; the provider's answer settles a refund once.
struct RefundLedger: Sendable {
    let database: PostgresPool

    /// Records a refund of `amount` fen of the paid trade `tradeNo` under `refundNo` (a retry with the same
    /// number and amount answers the refund recorded before).
    func ask(
        tradeNo: String, refundNo: String, amount: Int64, reason: String
    ) async throws -> Result<StoredRefund, RefundRequestRefusal> {
        try await database.transaction { transaction in
            try await ask(tradeNo: tradeNo, refundNo: refundNo, amount: amount, reason: reason, on: transaction)
        }
    }

    /// `ask` inside the caller's transaction, so the refund is recorded together with the business change
    /// it pays for (or not at all).
    func ask(
        tradeNo: String, refundNo: String, amount: Int64, reason: String, on transaction: PostgresTransaction
    ) async throws -> Result<StoredRefund, RefundRequestRefusal> {
        let payments = try await transaction.query(
            """
            SELECT p.id, p.amount FROM orders.trade_payments p JOIN orders.trades t ON t.id = p.trade_id
             WHERE t.trade_no = \(tradeNo) AND p.disposition = 'settled' FOR UPDATE OF p
            """)
        guard let payment = payments.first else {
            let known = try await transaction.query("SELECT 1 FROM orders.trades WHERE trade_no = \(tradeNo)")
            return .failure(known.isEmpty ? .unknownTrade : .notPaid)
        }
        let paymentID: Int64 = try payment.decode("id")
        let elsewhere = try await transaction.query(
            "SELECT payment_id, amount FROM orders.refunds WHERE refund_no = \(refundNo) AND payment_id <> \(paymentID)"
        )
        if let other = elsewhere.first {
            return .failure(.rejected(.numberReused(number: refundNo, amount: try other.decode("amount"))))
        }
        var book = RefundBook(
            paid: try payment.decode("amount"), refunds: try await refunds(of: paymentID, transaction))
        switch book.request(number: refundNo, amount: amount) {
        case .failure(let refusal):
            return .failure(.rejected(refusal))
        case .success(.new):
            try await transaction.execute(
                """
                INSERT INTO orders.refunds (refund_no, payment_id, amount, reason)
                VALUES (\(refundNo), \(paymentID), \(amount), \(reason))
                """)
        case .success(.existing):
            break
        }
        return .success(try await stored(refundNo, on: transaction))
    }

    /// Records the full refund of up to `limit` payments kept for refund (they came for a closed trade,
    /// or paid a trade a second time); answers how many.
    @discardableResult
    func recordDueRefunds(limit: Int) async throws -> Int {
        try await database.execute(
            """
            WITH due AS (
                UPDATE orders.trade_payments SET refund_asked_at = now()
                 WHERE id IN (SELECT id FROM orders.trade_payments
                               WHERE disposition = 'refund_due' AND refund_asked_at IS NULL
                               ORDER BY id LIMIT \(limit) FOR UPDATE SKIP LOCKED)
                RETURNING id, amount)
            INSERT INTO orders.refunds (refund_no, payment_id, amount, reason)
            SELECT 'auto-' || id, id, amount, 'payment not wanted: the trade was closed or already paid' FROM due
            """)
    }

    func find(_ refundNo: String, on database: some PostgresQueryable) async throws -> StoredRefund? {
        try await database.query(
            "SELECT \(unsafeSQL: StoredRefund.columns) FROM \(unsafeSQL: StoredRefund.joins) WHERE r.refund_no = \(refundNo)"
        ).first.map(StoredRefund.init(row:))
    }

    /// The refund `refundNo`, which this transaction wrote or read.
    private func stored(_ refundNo: String, on transaction: some PostgresQueryable) async throws -> StoredRefund {
        guard let refund = try await find(refundNo, on: transaction) else { throw RefundVanished(refundNo: refundNo) }
        return refund
    }

    /// The refunds of `tradeNo`, oldest first.
    func refunds(ofTrade tradeNo: String) async throws -> [StoredRefund] {
        try await database.query(
            """
            SELECT \(unsafeSQL: StoredRefund.columns) FROM \(unsafeSQL: StoredRefund.joins)
             WHERE t.trade_no = \(tradeNo) ORDER BY r.id
            """
        ).map(StoredRefund.init(row:))
    }

    /// Settles refund `refundNo` with the provider's answer, once: answers the refund after it and whether
    /// this answer changed it.
    func settle(
        _ refundNo: String, succeeded: Bool, providerRefundID: String? = nil, failure: String? = nil
    ) async throws -> Result<(refund: StoredRefund, changed: Bool), RefundBook.Refusal> {
        try await database.transaction { transaction in
            guard
                let payment = try await transaction.query(
                    "SELECT payment_id FROM orders.refunds WHERE refund_no = \(refundNo)"
                ).first
            else { return .failure(.unknownRefund(refundNo)) }
            let paymentID: Int64 = try payment.decode("payment_id")
            let locked = try await transaction.query(
                "SELECT amount FROM orders.trade_payments WHERE id = \(paymentID) FOR UPDATE")
            var book = RefundBook(
                paid: try locked[0].decode("amount"), refunds: try await refunds(of: paymentID, transaction))
            let before = book.refunds.first { $0.number == refundNo }?.state
            switch book.settle(number: refundNo, succeeded: succeeded) {
            case .failure(let refusal):
                return .failure(refusal)
            case .success(let refund) where refund.state == before:
                return .success((try await stored(refundNo, on: transaction), false))
            case .success(let refund):
                try await transaction.execute(
                    """
                    UPDATE orders.refunds SET state = \(refund.state.rawValue), settled_at = now(),
                           provider_refund_id = coalesce(\(providerRefundID), provider_refund_id),
                           failure = \(failure.map { String($0.prefix(200)) })
                     WHERE refund_no = \(refundNo)
                    """)
                return .success((try await stored(refundNo, on: transaction), true))
            }
        }
    }

    private func refunds(of paymentID: Int64, _ transaction: some PostgresQueryable) async throws -> [RefundBook.Refund]
    {
        try await transaction.query(
            "SELECT refund_no, amount, state FROM orders.refunds WHERE payment_id = \(paymentID) ORDER BY id"
        ).map { row in
            RefundBook.Refund(
                number: try row.decode("refund_no"), amount: try row.decode("amount"),
                state: RefundBook.State(rawValue: try row.decode("state")) ?? .pending)
        }
    }
}

/// A refund this transaction just wrote or locked cannot be read back: the table was changed by something else.
struct RefundVanished: Error, Sendable, CustomStringConvertible {
    let refundNo: String

    var description: String { "refund \(refundNo) cannot be read back" }
}
