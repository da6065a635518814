import HTTPCore
import Mesh

/// Whether an operation needs the caller's session.
public enum SessionRequirement: String, Sendable, Hashable {
    /// Anyone may call it.
    case none
    /// Answered for anyone; a valid session changes the answer (e.g. yaf `system.init`).
    case optional
    /// Without a valid session the gateway answers the dialect's "not logged in" code.
    case required
}

/// How an operation's request signature is checked.
public enum SignatureRequirement: String, Sendable, Hashable {
    /// The dialect signs nothing.
    case none
    /// Checked when the request carries one; a request without one is accepted.
    case whenPresent
    /// A request without a valid signature is refused.
    case required
}

/// One business parameter of an operation, as its document's request table or list gives it.
public struct OperationParameter: Sendable, Hashable {
    public let name: String
    /// The type as the document writes it (`String`, `int`, `double`, `jsonString`, `tinyint`, `Integer`,
    /// `file` …); where a document writes none, the catalog file says how it was chosen.
    public let type: String
    public let required: Bool
    /// The document's short description, one line.
    public let summary: String

    public init(name: String, type: String, required: Bool, summary: String) {
        self.name = name
        self.type = type
        self.required = required
        self.summary = summary
    }

    /// The compact form the catalog files use: `.init("code", "String", true, "微信登陆临时凭证")`.
    init(_ name: String, _ type: String, _ required: Bool, _ summary: String) {
        self.init(name: name, type: type, required: required, summary: summary)
    }
}

/// One external operation of one dialect, as its document names it.
public struct Operation: Sendable, Hashable {
    public let dialect: Dialect
    /// The name the client uses: the path tail (`login`, `area/tree`, `member/addr/get`) or the
    /// method name (`user.login`, `user.user.getUserInfoById`).
    public let name: String
    /// The HTTP path the client calls (`/api/v1/user/login`, `/`, `/mobile/member/addr/get`).
    public let path: String
    public let methods: [HTTPMethod]
    public let service: ServiceName
    public let session: SessionRequirement
    /// Whether and when the dialect's request signature is checked.
    public let signature: SignatureRequirement
    /// Whether the dialect's request signature is checked at all (required, or when present).
    public var signed: Bool { signature != .none }
    /// Whether an identical signed request may be answered again inside the signature window (a read); when
    /// false, the dialect's replay check refuses the repeat (the app base API's timestamped `sign`).
    public let repeatable: Bool
    /// Document section or heading the operation comes from, for the API reference.
    public let title: String
    /// The business parameters, in the document's order, without the fields every call of the
    /// dialect carries (each dialect's catalog file says which those are).
    public let parameters: [OperationParameter]
    /// How the reply is written and what a success does to the session.
    public internal(set) var traits = OperationTraits()

    public init(
        dialect: Dialect, name: String, path: String, methods: [HTTPMethod], service: ServiceName,
        session: SessionRequirement, signature: SignatureRequirement, repeatable: Bool = false, title: String,
        parameters: [OperationParameter] = []
    ) {
        self.dialect = dialect
        self.name = name
        self.path = path
        self.methods = methods
        self.service = service
        self.session = session
        self.signature = signature
        self.repeatable = repeatable
        self.title = title
        self.parameters = parameters
    }

    /// An operation whose signature is required (`signed`) or absent.
    public init(
        dialect: Dialect, name: String, path: String, methods: [HTTPMethod], service: ServiceName,
        session: SessionRequirement, signed: Bool, title: String, parameters: [OperationParameter] = []
    ) {
        self.init(
            dialect: dialect, name: name, path: path, methods: methods, service: service, session: session,
            signature: signed ? .required : .none, title: title, parameters: parameters)
    }

    /// `dialect/name`, the operation's name inside the mesh (`POST /op/{dialect}/{name}`).
    public var meshName: String { "\(dialect.rawValue)/\(name)" }
}
