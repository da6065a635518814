/// The life of a stock reservation, decided without a database: `reserved` (taken from stock for an
/// order), `committed` (sold), `released` (given back unsold), `refunded` (given back after the sale).
/// The store persists what a transition decides.
enum ReservationState: String, Sendable, CaseIterable {
    case reserved, committed, released, refunded

    /// What an order asks of its reservation.
    enum Event: Sendable {
        /// The order was paid.
        case commit
        /// The order was cancelled, timed out or refunded.
        case release
    }

    /// What a transition decides: the state after the event, how much stock comes back (`quantity`
    /// units or none), and whether anything changed at all.
    struct Decision: Sendable, Equatable {
        let next: ReservationState
        let returnsStock: Bool
        let changes: Bool
        /// How the stock ledger names the movement when stock comes back.
        let ledgerKind: String?
    }

    /// Why an event cannot apply in this state.
    struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        let state: ReservationState
        let event: Event

        var description: String { "a \(state.rawValue) reservation cannot be committed" }
    }

    /// Why part of a reservation cannot come back.
    enum PartRefusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// Only sold units come back in part; an unsold reservation is released whole.
        case notSold(ReservationState)
        /// More units were asked back than are still out.
        case tooMany(asked: Int64, outstanding: Int64)

        var description: String {
            switch self {
            case .notSold(let state):
                "only a committed reservation gives units back in part, not a \(state.rawValue) one"
            case .tooMany(let asked, let outstanding): "\(asked) units asked back, only \(outstanding) are still sold"
            }
        }
    }

    /// The decision for giving back `part` of the `quantity` units of a sold reservation of which `returned`
    /// came back before: the stock gains `part` units; the reservation is refunded once all are back.
    func returning(_ part: Int64, of quantity: Int64, returned: Int64) -> Result<Decision, PartRefusal> {
        guard self == .committed else { return .failure(.notSold(self)) }
        let outstanding = quantity - returned
        guard part > 0, part <= outstanding else { return .failure(.tooMany(asked: part, outstanding: outstanding)) }
        return .success(
            Decision(
                next: part == outstanding ? .refunded : .committed, returnsStock: true, changes: true,
                ledgerKind: "refund"))
    }

    /// The decision for `event` in this state. Repeating an event is harmless: a committed reservation
    /// stays committed, a released one released, so stock comes back once. Only committing a
    /// reservation whose stock was given back is refused.
    func apply(_ event: Event) -> Result<Decision, Refusal> {
        switch (self, event) {
        case (.reserved, .commit):
            return .success(Decision(next: .committed, returnsStock: false, changes: true, ledgerKind: nil))
        case (.committed, .commit):
            return .success(Decision(next: .committed, returnsStock: false, changes: false, ledgerKind: nil))
        case (.released, .commit), (.refunded, .commit):
            return .failure(Refusal(state: self, event: event))
        case (.reserved, .release):
            return .success(Decision(next: .released, returnsStock: true, changes: true, ledgerKind: "release"))
        case (.committed, .release):
            return .success(Decision(next: .refunded, returnsStock: true, changes: true, ledgerKind: "refund"))
        case (.released, .release), (.refunded, .release):
            return .success(Decision(next: self, returnsStock: false, changes: false, ledgerKind: nil))
        }
    }
}
