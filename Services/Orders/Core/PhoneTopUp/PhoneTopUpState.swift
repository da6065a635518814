/// The life of a phone top-up order, decided without a database; the store persists what a decision
/// says, on the order's locked row.
///
/// ```
/// created ──debited──▶ paid ──accepted──▶ charging ──charged──▶ charged
///    │                   │                    └──────failed──▶ failed ──refunded──▶ refunded
///    │                   ├──charged / failed (the provider's answer came first) ──▶ charged / failed
///    ├──debitRefused──▶ declined (nothing moved)
///    └──voided──▶ failed (the debit's outcome was never seen by its request; it is given back)
/// ```
///
/// `created`: persisted before the wallet is debited. `paid`: the wallet paid the sell price; the order
/// is being given to the provider. `charging`: the provider took it. A failed order owes the member the
/// debit back, once: the refund is the only way out of `failed`.
enum PhoneTopUpState: String, Sendable, CaseIterable {
    case created, declined, paid, charging, charged, failed, refunded

    /// What happens to an order.
    enum Event: Sendable, Equatable {
        /// The wallet took the sell price.
        case debited
        /// The wallet refused the debit (the balance is short); nothing moved.
        case debitRefused
        /// An order left in `created` was found by the sweep and its debit replayed under its key: the
        /// member's request never learnt the outcome, so the order is not carried out and the debit is
        /// given back.
        case voided
        /// The provider took the order under its own number.
        case accepted(thirdNo: String)
        /// The provider topped the phone up.
        case charged
        /// The provider failed the order, or refused it for certain.
        case failed(reason: String)
        /// The debit was given back to the wallet.
        case refunded
    }

    /// What a decision asks for besides moving the state.
    enum Effect: Sendable, Equatable {
        /// Give the order to the provider.
        case submit
        /// Give the debit back to the member's wallet (keyed, once).
        case refund
    }

    /// The outcome of an event: the state after it, what else to do, and whether anything changed.
    struct Decision: Sendable, Equatable {
        let next: PhoneTopUpState
        let effects: [Effect]
        let changes: Bool
    }

    /// Why an event is refused; nothing changes.
    enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// The event does not apply to an order in this state (a late debit answer for a voided order, a
        /// provider that says charged after it said failed …).
        case notNow(state: PhoneTopUpState, event: Event)
        /// The provider names another order number than the one it gave before.
        case otherThirdNo(known: String, told: String)

        var description: String {
            switch self {
            case .notNow(let state, let event): "a \(state.rawValue) order cannot take \(event)"
            case .otherThirdNo(let known, let told): "the provider said \(told), but the order is \(known)"
            }
        }
    }

    /// The decision for `event` on an order in this state, which the provider knows as `thirdNo` when
    /// it took it. Repeating an event is harmless: it changes nothing the second time.
    func apply(_ event: Event, thirdNo: String?) -> Result<Decision, Refusal> {
        switch (self, event) {
        case (.created, .debited):
            return .success(Decision(next: .paid, effects: [.submit], changes: true))
        case (.created, .debitRefused):
            return .success(Decision(next: .declined, effects: [], changes: true))
        case (.created, .voided):
            return .success(Decision(next: .failed, effects: [.refund], changes: true))
        case (.paid, .accepted):
            return .success(Decision(next: .charging, effects: [], changes: true))
        case (.charging, .accepted(let told)), (.charged, .accepted(let told)), (.failed, .accepted(let told)),
            (.refunded, .accepted(let told)):
            guard let thirdNo, thirdNo != told else {
                return .success(Decision(next: self, effects: [], changes: false))
            }
            return .failure(.otherThirdNo(known: thirdNo, told: told))
        case (.paid, .charged), (.charging, .charged):
            return .success(Decision(next: .charged, effects: [], changes: true))
        case (.paid, .failed), (.charging, .failed):
            return .success(Decision(next: .failed, effects: [.refund], changes: true))
        case (.failed, .refunded):
            return .success(Decision(next: .refunded, effects: [], changes: true))
        case (.declined, .debitRefused), (.charged, .charged), (.failed, .failed), (.refunded, .failed),
            (.failed, .voided), (.refunded, .voided), (.refunded, .refunded):
            return .success(Decision(next: self, effects: [], changes: false))
        default:
            return .failure(.notNow(state: self, event: event))
        }
    }

    /// What `member/queryphone` answers as `chargeStatus`, as Juhe's `game_state`: 0 charging, 1 charged,
    /// 9 failed (the platform's `created` and `paid` count as charging, `declined` as failed).
    var chargeStatus: Int {
        switch self {
        case .created, .paid, .charging: 0
        case .charged: 1
        case .declined, .failed, .refunded: 9
        }
    }
}
