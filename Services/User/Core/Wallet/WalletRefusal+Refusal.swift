import Mesh
import ServiceKit

/// A balance too low is `insufficient_balance`, a hold or points too low is `invalid_state`, a reused
/// key `invalid_params`.
extension WalletRefusal: Refusal {
    var kind: ReplyKind { reply.kind }
}
