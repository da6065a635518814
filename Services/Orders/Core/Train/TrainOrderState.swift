/// The life of a train-ticket order (document 000's appendix), decided without a database. A customer pays
/// (`wait_pay → wait_rob`), a merchant grabs it (`robing`; released or timed out back to `wait_rob`),
/// submits the ticket (`order_audit`), the platform audits it (`wait_confirme`, or back to `robing`), and
/// the customer confirms (`success`, also automatically after a while). An unpaid order is cancelled by
/// the customer or when its trade closes. A paid order not yet ticketed may be cancelled (refunded at
/// once) or its refund asked (`returning_amount`), reviewed (`returned_audit`) and made (`returned_amount`)
/// or rejected (`returned_return`, and the order goes on where it was).
enum TrainOrderState: String, Sendable, CaseIterable {
    case waitPay = "wait_pay"
    case waitRob = "wait_rob"
    case robing
    case orderAudit = "order_audit"
    case waitConfirme = "wait_confirme"
    case success
    case cancel
    case returningAmount = "returning_amount"
    case returnedAudit = "returned_audit"
    case returnedReturn = "returned_return"
    case returnedAmount = "returned_amount"

    /// What happens to an order.
    enum Event: Sendable, Equatable {
        case paid
        case customerCancels
        case tradeClosed
        case grabbed
        case released
        case ticketSubmitted
        case auditPassed
        case auditRejected
        case confirmed
        case refundAsked
        case refundReviewed
        case refundApproved
        case refundRejected
        case refunded
    }

    /// What a decision asks for besides the new state.
    enum Effect: Sendable, Equatable {
        /// Give the whole payment back now (a paid order cancelled before any merchant had it).
        case refundPayment
        /// Close the unpaid trade so it can no longer be paid.
        case closeTrade
        /// Pay the merchant its share and the customer any difference of the ticket's price.
        case settle
        /// Send the approved refund to the provider.
        case sendRefund
        /// Forget the merchant who had the order.
        case dropMerchant
    }

    /// The new state and its effects. `resumeState` is where a refund request came from (for a rejection).
    struct Decision: Sendable, Equatable {
        let next: TrainOrderState
        let effects: [Effect]
    }

    /// An event this state does not allow; nothing changes.
    struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        let state: TrainOrderState
        let event: Event

        var description: String { "an order in \(state.rawValue) cannot take \(event)" }
    }

    /// The decision for `event`; `resume` is the state a refund request interrupted (for its rejection).
    func apply(_ event: Event, resume: TrainOrderState? = nil) -> Result<Decision, Refusal> {
        switch (self, event) {
        case (.waitPay, .paid): return .success(Decision(next: .waitRob, effects: []))
        case (.waitPay, .customerCancels): return .success(Decision(next: .cancel, effects: [.closeTrade]))
        case (.waitPay, .tradeClosed): return .success(Decision(next: .cancel, effects: []))
        case (.waitRob, .customerCancels): return .success(Decision(next: .cancel, effects: [.refundPayment]))
        case (.waitRob, .grabbed): return .success(Decision(next: .robing, effects: []))
        case (.robing, .released): return .success(Decision(next: .waitRob, effects: [.dropMerchant]))
        case (.robing, .ticketSubmitted): return .success(Decision(next: .orderAudit, effects: []))
        case (.orderAudit, .auditPassed): return .success(Decision(next: .waitConfirme, effects: []))
        case (.orderAudit, .auditRejected): return .success(Decision(next: .robing, effects: []))
        case (.waitConfirme, .confirmed): return .success(Decision(next: .success, effects: [.settle]))
        case (.waitRob, .refundAsked): return .success(Decision(next: .returningAmount, effects: []))
        case (.robing, .refundAsked): return .success(Decision(next: .returningAmount, effects: [.dropMerchant]))
        case (.returningAmount, .refundReviewed): return .success(Decision(next: .returnedAudit, effects: []))
        case (.returnedAudit, .refundApproved): return .success(Decision(next: .returnedAudit, effects: [.sendRefund]))
        case (.returnedAudit, .refunded): return .success(Decision(next: .returnedAmount, effects: []))
        case (.returnedAudit, .refundRejected):
            return .success(Decision(next: resume == .robing ? .waitRob : (resume ?? .waitRob), effects: []))
        default: return .failure(Refusal(state: self, event: event))
        }
    }

    /// Whether the order still waits for a merchant or is being worked on (a refund may be asked).
    var isRefundable: Bool { self == .waitRob || self == .robing }
}
