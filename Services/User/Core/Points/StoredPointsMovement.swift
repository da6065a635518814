import JSON
import Mesh

/// A points movement's outcome as the idempotency store keeps it with its key:
/// `{"entry_id","change","points"}` or `{"refusal"}`.
struct StoredPointsMovement: MeshMessage {
    let outcome: Result<PointsEntry, WalletRefusal>

    init(_ outcome: Result<PointsEntry, WalletRefusal>) {
        self.outcome = outcome
    }

    init(json: JSONObject) throws(MeshProtocolError) {
        let fields = MeshFields(json)
        if let refusal = try fields.optionalString("refusal") {
            guard let known = WalletRefusal(rawValue: refusal) else { throw .invalid("refusal", "a points refusal") }
            outcome = .failure(known)
            return
        }
        outcome = .success(
            PointsEntry(
                id: try fields.positiveInteger("entry_id"), change: try fields.integer("change"),
                pointsAfter: try fields.integer("points")))
    }

    var json: JSONObject {
        switch outcome {
        case .success(let entry):
            ["entry_id": .integer(entry.id), "change": .integer(entry.change), "points": .integer(entry.pointsAfter)]
        case .failure(let refusal):
            ["refusal": .string(refusal.rawValue)]
        }
    }

    func pointsOutcome(replayed: Bool) -> PointsOutcome {
        switch outcome {
        case .success(let entry): .applied(entry, replayed: replayed)
        case .failure(let refusal): .refused(refusal, replayed: replayed)
        }
    }
}
