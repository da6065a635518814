/// The life of a trade (one payment of one business: a train order, an O2O order, a recharge …),
/// decided without a database: `created` until the provider's payment is confirmed (`paid`) or the
/// trade is closed (`closed`, by timeout or on request). The store persists what a decision says; a
/// payment that cannot be kept (after the close, or a second one) is recorded and refunded, never lost.
enum TradeState: String, Sendable, CaseIterable {
    case created, paid, closed

    /// What happens to a trade.
    enum Event: Sendable, Equatable {
        /// The provider confirms a payment of `amount` fen under its `transactionID`.
        case paymentConfirmed(amount: Int64, transactionID: String)
        /// The trade is closed: nobody paid in time, or the business asked.
        case close
    }

    /// What a decision asks the store to do besides moving the state.
    enum Effect: Sendable, Equatable {
        /// Hand the payment to the business the trade pays (credit the wallet, mark the order paid).
        case settleBusiness
        /// Keep the payment on record and refund it in full: it arrived for a closed trade, or a
        /// second transaction paid a trade already paid.
        case refundUnwantedPayment(transactionID: String)
    }

    /// The outcome of an event: the state after it, what else to do, and whether anything changed.
    struct Decision: Sendable, Equatable {
        let next: TradeState
        let effects: [Effect]
        let changes: Bool
    }

    /// Why an event is refused; nothing changes.
    enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// The confirmed amount is not the trade's amount (a forged or mismatched notification).
        case amountMismatch(expected: Int64, confirmed: Int64)
        /// A paid trade cannot be closed; it is refunded instead.
        case alreadyPaid

        var description: String {
            switch self {
            case .amountMismatch(let expected, let confirmed):
                "the payment of \(confirmed) fen does not match the trade's \(expected) fen"
            case .alreadyPaid: "the trade is paid; refund it instead of closing it"
            }
        }
    }

    /// The decision for `event` on a trade of `amount` fen in this state, paid under `paidTransaction`
    /// when it is paid. Repeating an event is harmless: the same confirmation of a paid trade and the
    /// close of a closed one change nothing.
    func apply(_ event: Event, amount: Int64, paidTransaction: String?) -> Result<Decision, Refusal> {
        switch (self, event) {
        case (_, .paymentConfirmed(let confirmed, _)) where confirmed != amount:
            return .failure(.amountMismatch(expected: amount, confirmed: confirmed))
        case (.created, .paymentConfirmed):
            return .success(Decision(next: .paid, effects: [.settleBusiness], changes: true))
        case (.paid, .paymentConfirmed(_, let transaction)) where transaction == paidTransaction:
            return .success(Decision(next: .paid, effects: [], changes: false))
        case (.paid, .paymentConfirmed(_, let transaction)), (.closed, .paymentConfirmed(_, let transaction)):
            return .success(
                Decision(next: self, effects: [.refundUnwantedPayment(transactionID: transaction)], changes: true))
        case (.created, .close):
            return .success(Decision(next: .closed, effects: [], changes: true))
        case (.closed, .close):
            return .success(Decision(next: .closed, effects: [], changes: false))
        case (.paid, .close):
            return .failure(.alreadyPaid)
        }
    }
}
