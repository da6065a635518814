import Mesh
import ServiceKit

/// The member's wallet on the user service as the top-up moves it: the debit keyed `phone-<order
/// number>`, the refund keyed `phone-refund-<order number>`, each request the same on every try, so a
/// retry or a replay answers the first outcome and never moves money twice.
struct PhoneWallet: Sendable {
    let mesh: MeshClient

    /// What came of a movement.
    enum Outcome: Sendable {
        /// The wallet moved the money (now or on the first try of this key).
        case moved
        /// The wallet refused; nothing moved. The reply names why (`insufficient_balance` …).
        case refused(CanonicalReply)
        /// No usable answer: the movement may or may not have happened; the same key tells later.
        case unknown(MeshCallError)
    }

    /// Debits the order's sell price.
    func debit(_ order: PhoneTopUpRecord, requestID: String? = nil) async -> Outcome {
        Self.outcome(
            await mesh.call(WalletDebit.self, order.debit, idempotencyKey: order.debitKey, requestID: requestID))
    }

    /// Credits a failed order's sell price back.
    func refund(_ order: PhoneTopUpRecord) async -> Outcome {
        Self.outcome(await mesh.call(WalletCredit.self, order.refund, idempotencyKey: order.refundKey))
    }

    private static func outcome(_ outcome: MeshOutcome<WalletMovementReply>) -> Outcome {
        switch outcome {
        case .ok: .moved
        case .refused(let reply): .refused(reply)
        case .failed(let error): .unknown(error)
        }
    }
}
