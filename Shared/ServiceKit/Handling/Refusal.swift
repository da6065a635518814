import Mesh

/// A domain "no" an operation answers instead of doing the work: the kind of failure, the words for
/// the caller, and where a dialect documents its own code or wording for it, that as data. Every
/// refusal of every service adopts it; the handlers turn a thrown refusal into the caller's reply.
public protocol Refusal: Error, Sendable {
    /// The canonical kind the dialect codecs map to their code tables.
    var kind: ReplyKind { get }
    /// The platform's own words for the caller.
    var message: String { get }
    /// A dialect's documented code or wording for this refusal, where it differs from the kind's usual
    /// code and the message above (e.g. train `0023` for a wrong ID number).
    func wording(in dialect: Dialect) -> DialectWording?
}

extension Refusal {
    public func wording(in dialect: Dialect) -> DialectWording? { nil }

    /// The reply this refusal becomes for a caller of `dialect` (nil: an internal or admin caller).
    public func reply(in dialect: Dialect?) -> CanonicalReply {
        let wording = dialect.flatMap { self.wording(in: $0) }
        return .failure(kind, wording?.message ?? message, code: wording?.code)
    }
}

/// How one dialect words a refusal: its documented code, and optionally its own message.
public struct DialectWording: Sendable, Equatable {
    public let code: String?
    public let message: String?

    public init(code: String? = nil, message: String? = nil) {
        self.code = code
        self.message = message
    }
}

/// A refusal made on the spot from a kind, a message and optionally a dialect code, for answers that
/// need no domain type of their own (a missing or malformed parameter, an unknown id, an unknown app).
public struct PlainRefusal: Refusal, Equatable {
    public let kind: ReplyKind
    public let message: String
    /// The dialect code, the same in whichever dialect the call came.
    public let code: String?

    public init(_ kind: ReplyKind, _ message: String = "", code: String? = nil) {
        self.kind = kind
        self.message = message
        self.code = code
    }

    public func wording(in dialect: Dialect) -> DialectWording? { code.map { DialectWording(code: $0) } }

    /// A parameter that must be given.
    public static func missing(_ name: String) -> PlainRefusal { PlainRefusal(.missingParameter, "缺少参数 \(name)") }

    /// A parameter or a combination of them that cannot be accepted, in words that say why.
    public static func invalid(_ message: String) -> PlainRefusal { PlainRefusal(.invalidParams, message) }

    /// Nothing the caller may see has that id.
    public static func notFound(_ message: String) -> PlainRefusal { PlainRefusal(.notFound, message) }
}
