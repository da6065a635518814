import JSON
import ServiceKit

/// Points given or spent: `add` raises the points, `spend` lowers them, never below zero.
struct PointsMovement: Sendable, Equatable {
    enum Kind: String, Sendable {
        case add
        case spend

        var operation: String { "points.\(rawValue)" }
    }

    let kind: Kind
    let account: Int64
    /// Always positive; the kind says the direction.
    let points: Int64
    let reference: String?
    let reason: String?
    let actor: String

    static let maximumPoints: Int64 = 1_000_000_000_000

    var change: Int64 { kind == .add ? points : -points }

    /// What an idempotency key is bound to, as for wallet movements.
    var fingerprint: IdempotencyFingerprint {
        IdempotencyFingerprint(
            operation: kind.operation,
            request: [
                .string(String(account)), .number(JSONNumber(points)), reference.map(JSONValue.string) ?? .null,
                reason.map(JSONValue.string) ?? .null,
            ])
    }
}

/// One row of the points ledger.
struct PointsEntry: Sendable, Equatable {
    let id: Int64
    let change: Int64
    let pointsAfter: Int64
}

/// What came of a points movement asked for with an idempotency key.
enum PointsOutcome: Sendable, Equatable {
    case applied(PointsEntry, replayed: Bool)
    case refused(WalletRefusal, replayed: Bool)
}
