/// What an operation's handler answers: the contract's reply, or a refusal (`kind` other than `ok`)
/// that may carry data of its own.
public enum MeshAnswer<Reply: MeshMessage>: Sendable {
    case ok(Reply)
    case refused(CanonicalReply)

    /// A refusal of `kind` with `message`.
    public static func failure(_ kind: ReplyKind, _ message: String = "") -> MeshAnswer {
        .refused(.failure(kind, message))
    }

    /// The canonical reply that travels: `ok` with the reply as `data` (null when it has no fields).
    public var canonical: CanonicalReply {
        switch self {
        case .ok(let reply):
            let json = reply.json
            return .ok(json.isEmpty ? nil : .object(json))
        case .refused(let reply):
            return reply
        }
    }
}
