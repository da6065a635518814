/// The status of an O2O voucher order, with the numbers document 001 gives them.
enum O2OOrderStatus: Int64, Sendable, CaseIterable {
    case unpaid = 1
    case cancelled = 2
    case closed = 3
    case paid = 4
    case refunded = 6
    case completed = 7
}

/// The status of one verification code: 1 unused, 2 redeemed, 3 refunded.
enum VoucherCodeStatus: Int64, Sendable, CaseIterable {
    case unused = 1
    case redeemed = 2
    case refunded = 3
}

/// The life of an O2O voucher order and its codes, decided without a database. An unpaid order is paid
/// (one code per unit, stock committed, the codes sent by text message), cancelled, or closed when its
/// trade times out (stock released). A paid order's codes are redeemed one at a time by the merchant or
/// refunded together (every unused code at once); when no unused code is left the order is completed
/// (the last code was redeemed) or refunded (the last codes were refunded). A completed order takes no
/// refund.
struct O2OOrderState: Sendable, Equatable {
    var status: O2OOrderStatus
    /// The codes in the order they were issued; empty until the order is paid.
    var codes: [VoucherCodeStatus]

    /// What happens to an order.
    enum Event: Sendable, Equatable {
        /// The payment settled; `units` codes are issued.
        case paid(units: Int)
        /// The buyer or an operator cancelled the unpaid order.
        case cancelled
        /// The unpaid order's trade closed by itself.
        case tradeClosed
        /// The code at `position` (in `codes`) was presented to the merchant.
        case redeem(position: Int)
        /// The buyer asked for the unused codes' money back.
        case refundUnused
    }

    /// What a decision asks for besides the new state.
    enum Effect: Sendable, Equatable {
        /// Issue this many verification codes.
        case issueCodes(Int)
        /// Mark the stock reservation sold.
        case commitStock
        /// Send the codes to the notification mobile.
        case sendCodes
        /// Give the reserved stock back (the order was never paid).
        case releaseStock
        /// Close the unpaid trade so it can no longer be paid.
        case closeTrade
        /// Refund this many units' price and give their stock back.
        case refund(units: Int)
    }

    /// The state after an event and its effects.
    struct Decision: Sendable, Equatable {
        let next: O2OOrderState
        let effects: [Effect]
    }

    /// Why an event cannot apply; nothing changes.
    enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case notAllowed(O2OOrderStatus, Event)
        case noSuchCode(position: Int)
        case codeUsed(VoucherCodeStatus)
        case completed
        case nothingToRefund

        var description: String {
            switch self {
            case .notAllowed(let status, let event): "an order in status \(status.rawValue) cannot take \(event)"
            case .noSuchCode(let position): "the order has no code at position \(position)"
            case .codeUsed(.redeemed): "the code has already been redeemed"
            case .codeUsed(.refunded): "the code has been refunded"
            case .codeUsed: "the code is not usable"
            case .completed: "every code of the order has been redeemed; it cannot be refunded"
            case .nothingToRefund: "the order has no unused code to refund"
            }
        }
    }

    /// The decision for `event`.
    func apply(_ event: Event) -> Result<Decision, Refusal> {
        switch (status, event) {
        case (.unpaid, .paid(let units)) where units > 0:
            let next = O2OOrderState(status: .paid, codes: Array(repeating: .unused, count: units))
            return .success(Decision(next: next, effects: [.issueCodes(units), .commitStock, .sendCodes]))
        case (.unpaid, .cancelled):
            return .success(
                Decision(next: O2OOrderState(status: .cancelled, codes: []), effects: [.closeTrade, .releaseStock]))
        case (.unpaid, .tradeClosed):
            return .success(Decision(next: O2OOrderState(status: .closed, codes: []), effects: [.releaseStock]))
        case (.paid, .redeem(let position)):
            guard codes.indices.contains(position) else { return .failure(.noSuchCode(position: position)) }
            guard codes[position] == .unused else { return .failure(.codeUsed(codes[position])) }
            var next = self
            next.codes[position] = .redeemed
            if !next.codes.contains(.unused) { next.status = .completed }
            return .success(Decision(next: next, effects: []))
        case (.paid, .refundUnused):
            let unused = codes.filter { $0 == .unused }.count
            guard unused > 0 else { return .failure(.nothingToRefund) }
            let next = O2OOrderState(status: .refunded, codes: codes.map { $0 == .unused ? .refunded : $0 })
            return .success(Decision(next: next, effects: [.refund(units: unused)]))
        case (.completed, .refundUnused):
            return .failure(.completed)
        case (.refunded, .refundUnused):
            return .failure(.nothingToRefund)
        case (.completed, .redeem(let position)), (.refunded, .redeem(let position)):
            guard codes.indices.contains(position) else { return .failure(.noSuchCode(position: position)) }
            return .failure(.codeUsed(codes[position]))
        default:
            return .failure(.notAllowed(status, event))
        }
    }
}
