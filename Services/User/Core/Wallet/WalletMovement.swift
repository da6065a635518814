import JSON
import ServiceKit

/// The ways money moves in a wallet, each as a change of the balance and of the frozen balance.
enum WalletMovementKind: String, Sendable, CaseIterable {
    /// Money comes in: balance + amount.
    case credit
    /// Money leaves: balance − amount.
    case debit
    /// Money is held: balance − amount, frozen + amount.
    case freeze
    /// A hold is released: frozen − amount, balance + amount.
    case unfreeze
    /// A held amount leaves: frozen − amount.
    case settle
    /// An administrator's correction: balance ± amount, with a reason.
    case adjust

    /// The internal operation that asks for this movement (`wallet.debit`).
    var operation: String { "wallet.\(rawValue)" }
}

/// One movement to apply to one wallet: which, how much (fen) and why.
struct WalletMovement: Sendable, Equatable {
    let kind: WalletMovementKind
    let account: Int64
    /// Fen; positive, except for `adjust`, where the sign says the direction.
    let amount: Int64
    /// What the movement is for, as the caller names it (an order number).
    let reference: String?
    let reason: String?
    /// `service`, `user` or `admin:<id>`.
    let actor: String

    /// The largest amount one movement may carry: 10 billion yuan.
    static let maximumAmount: Int64 = 1_000_000_000_000

    var balanceChange: Int64 {
        switch kind {
        case .credit, .unfreeze: amount
        case .debit, .freeze: -amount
        case .settle: 0
        case .adjust: amount
        }
    }

    var frozenChange: Int64 {
        switch kind {
        case .freeze: amount
        case .unfreeze, .settle: -amount
        case .credit, .debit, .adjust: 0
        }
    }

    /// Why the movement is refused when the wallet cannot take it.
    var shortfall: WalletRefusal {
        balanceChange < 0 ? .insufficientBalance : .insufficientFrozen
    }

    /// What an idempotency key is bound to: the operation and `[account, amount, reference, reason]`
    /// (the form the keys stored before `0004_idempotency_replies.sql` were bound to).
    var fingerprint: IdempotencyFingerprint {
        IdempotencyFingerprint(
            operation: kind.operation,
            request: [
                .string(String(account)), .number(JSONNumber(amount)), reference.map(JSONValue.string) ?? .null,
                reason.map(JSONValue.string) ?? .null,
            ])
    }
}
