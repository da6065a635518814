import JSON
import Mesh

/// A wallet movement that was applied: its ledger entry and the wallet right after it.
struct AppliedMovement: Sendable, Equatable {
    let entryID: Int64
    /// The ledger entry's kind (`credit`, `adjust` …).
    let kind: String
    let balance: Int64
    let frozen: Int64
}

/// What came of a movement asked for with an idempotency key: applied or refused, now or the
/// first time the key was used.
enum MovementOutcome: Sendable, Equatable {
    case applied(AppliedMovement, replayed: Bool)
    case refused(WalletRefusal, replayed: Bool)
}

/// A wallet movement's outcome as the idempotency store keeps it with its key:
/// `{"entry_id","kind","balance","frozen"}` or `{"refusal"}`.
struct StoredMovement: MeshMessage {
    let outcome: Result<AppliedMovement, WalletRefusal>

    init(_ outcome: Result<AppliedMovement, WalletRefusal>) {
        self.outcome = outcome
    }

    init(json: JSONObject) throws(MeshProtocolError) {
        let fields = MeshFields(json)
        if let refusal = try fields.optionalString("refusal") {
            guard let known = WalletRefusal(rawValue: refusal) else { throw .invalid("refusal", "a wallet refusal") }
            outcome = .failure(known)
            return
        }
        outcome = .success(
            AppliedMovement(
                entryID: try fields.positiveInteger("entry_id"), kind: try fields.string("kind"),
                balance: try fields.integer("balance"), frozen: try fields.integer("frozen")))
    }

    var json: JSONObject {
        switch outcome {
        case .success(let applied):
            [
                "entry_id": .integer(applied.entryID), "kind": .string(applied.kind),
                "balance": .integer(applied.balance), "frozen": .integer(applied.frozen),
            ]
        case .failure(let refusal):
            ["refusal": .string(refusal.rawValue)]
        }
    }

    func movementOutcome(replayed: Bool) -> MovementOutcome {
        switch outcome {
        case .success(let applied): .applied(applied, replayed: replayed)
        case .failure(let refusal): .refused(refusal, replayed: replayed)
        }
    }
}
