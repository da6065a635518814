import Catalog
import Mesh

/// Why a wallet or points movement was not applied.
enum WalletRefusal: String, Error, Sendable, Equatable {
    case insufficientBalance = "insufficient_balance"
    case insufficientFrozen = "insufficient_frozen"
    case insufficientPoints = "insufficient_points"
    /// The idempotency key was first used with other parameters or for another operation.
    case keyReused = "key_reused"

    var message: String {
        switch self {
        case .insufficientBalance: "余额不足"
        case .insufficientFrozen: "冻结余额不足"
        case .insufficientPoints: "积分不足"
        case .keyReused: "Idempotency-Key 已用于另一组参数，不能再用于这一次调用"
        }
    }

    /// The canonical refusal: a balance too low is `insufficient_balance`; a hold or points too low, and
    /// a key reused for another request, are `invalid_state`.
    var reply: CanonicalReply {
        switch self {
        case .insufficientBalance: .failure(.insufficientBalance, message)
        case .insufficientFrozen, .insufficientPoints, .keyReused: .failure(.invalidState, message)
        }
    }
}
