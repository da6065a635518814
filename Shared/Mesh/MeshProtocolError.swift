/// A mesh message that breaks the canonical protocol or an operation's contract: a bug or a version
/// mismatch between services. When one field is at fault, `field` names it.
public struct MeshProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    /// The field (or header) at fault, when there is one.
    public let field: String?
    /// True when `field` is absent rather than malformed.
    public let isMissing: Bool

    public init(_ description: String) {
        self.init(description, field: nil, isMissing: false)
    }

    private init(_ description: String, field: String?, isMissing: Bool) {
        self.description = description
        self.field = field
        self.isMissing = isMissing
    }

    /// `field` is required and absent (or null).
    public static func missing(_ field: String) -> MeshProtocolError {
        MeshProtocolError("\(field) is required", field: field, isMissing: true)
    }

    /// `field` is present but not what the contract says; `expected` describes what it must be.
    public static func invalid(_ field: String, _ expected: String) -> MeshProtocolError {
        MeshProtocolError("\(field) must be \(expected)", field: field, isMissing: false)
    }

    /// The refusal a service answers a call with when its request breaks the contract:
    /// `missing_parameter` for an absent field, `invalid_params` otherwise.
    public var reply: CanonicalReply {
        .failure(isMissing ? .missingParameter : .invalidParams, description)
    }
}
