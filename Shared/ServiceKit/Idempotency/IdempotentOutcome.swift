import Mesh

/// What came of an operation run through an `IdempotencyStore`.
public enum IdempotentOutcome<Reply: MeshMessage>: Sendable {
    /// The key was new: the work ran in this transaction and its reply is stored with the key.
    case fresh(Reply)
    /// The key was used before for the same request: the stored reply, nothing ran again.
    case replayed(Reply)
    /// The key was used before for another request: refused, nothing ran.
    case keyReused(IdempotencyKeyReused)
}

/// An idempotency key that came back with a request other than the one it was first used for.
public struct IdempotencyKeyReused: Error, Sendable, Equatable, CustomStringConvertible {
    public let key: String

    public init(key: String) {
        self.key = key
    }

    public var description: String {
        "the Idempotency-Key \"\(key)\" was already used for a different request; send a new key for a new request"
    }

    /// The refusal the caller gets: `invalid_state`, naming the key.
    public var reply: CanonicalReply { .failure(.invalidState, description) }
}

/// The store holds a key without a reply, which its own writes never leave behind: the table was
/// changed by something else.
public struct IdempotencyRecordBroken: Error, Sendable, CustomStringConvertible {
    public let table: String
    public let key: String
    public let reason: String

    public var description: String {
        "\(table) holds the Idempotency-Key \"\(key)\" but \(reason); delete that row or repair its reply"
    }
}
