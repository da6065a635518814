/// The refunds of one paid trade, decided without a database: each has our refund number (reused on a
/// retry) and an amount; `pending` and `succeeded` refunds hold their amount against what was paid,
/// a `failed` one gives it back. The refunds never add up to more than was paid.
struct RefundBook: Sendable, Equatable {
    /// A refund's state: asked of the provider, confirmed by it, or refused by it.
    enum State: String, Sendable, CaseIterable {
        case pending, succeeded, failed

        /// Whether the refund's amount counts against what was paid.
        var holdsAmount: Bool { self != .failed }
    }

    /// One refund as recorded.
    struct Refund: Sendable, Equatable {
        let number: String
        let amount: Int64
        var state: State
    }

    /// What asking for a refund decides.
    enum Request: Sendable, Equatable {
        /// A new refund to record as pending and send to the provider.
        case new(Refund)
        /// The number was used before for the same amount: that refund, nothing new.
        case existing(Refund)
    }

    /// Why a refund cannot be asked.
    enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case notPositive
        case exceedsPaid(available: Int64, asked: Int64)
        case numberReused(number: String, amount: Int64)
        case unknownRefund(String)
        case alreadySettled(String, State)

        var description: String {
            switch self {
            case .notPositive: "a refund must be at least 1 fen"
            case .exceedsPaid(let available, let asked):
                "only \(available) fen of the payment are left to refund, \(asked) asked"
            case .numberReused(let number, let amount):
                "refund number \(number) was used for \(amount) fen; use a new number for another amount"
            case .unknownRefund(let number): "there is no refund \(number)"
            case .alreadySettled(let number, let state): "refund \(number) is already \(state.rawValue)"
            }
        }
    }

    /// What the trade's payment was, in fen.
    let paid: Int64
    private(set) var refunds: [Refund]

    init(paid: Int64, refunds: [Refund] = []) {
        self.paid = paid
        self.refunds = refunds
    }

    /// What is left to refund.
    var available: Int64 { paid - refunds.filter { $0.state.holdsAmount }.reduce(0) { $0 + $1.amount } }

    /// Asks for a refund of `amount` fen under `number`.
    mutating func request(number: String, amount: Int64) -> Result<Request, Refusal> {
        if let earlier = refunds.first(where: { $0.number == number }) {
            return earlier.amount == amount
                ? .success(.existing(earlier)) : .failure(.numberReused(number: number, amount: earlier.amount))
        }
        guard amount > 0 else { return .failure(.notPositive) }
        guard amount <= available else { return .failure(.exceedsPaid(available: available, asked: amount)) }
        let refund = Refund(number: number, amount: amount, state: .pending)
        refunds.append(refund)
        return .success(.new(refund))
    }

    /// Records the provider's answer for refund `number`; repeating the same answer changes nothing, a
    /// contrary answer for a settled refund is refused.
    mutating func settle(number: String, succeeded: Bool) -> Result<Refund, Refusal> {
        guard let index = refunds.firstIndex(where: { $0.number == number }) else {
            return .failure(.unknownRefund(number))
        }
        let outcome: State = succeeded ? .succeeded : .failed
        switch refunds[index].state {
        case .pending:
            refunds[index].state = outcome
            return .success(refunds[index])
        case let settled where settled == outcome:
            return .success(refunds[index])
        case let settled:
            return .failure(.alreadySettled(number, settled))
        }
    }
}
