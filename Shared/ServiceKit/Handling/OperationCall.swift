import Mesh

/// What an operation's code receives: the client call as the gateway forwarded it, its parameters
/// under the one rule set, and the request's context (id, logger).
public struct OperationCall: Sendable {
    public let mesh: MeshCall
    public let parameters: Parameters
    public let context: RequestContext
    /// The caller's account, when the session names one (always, for operations registered with an
    /// access of `.account`, `.merchant` or `.admin`).
    public let accountID: Int64?

    public init(mesh: MeshCall, context: RequestContext) {
        self.mesh = mesh
        self.parameters = Parameters(mesh.parameters)
        self.context = context
        accountID = mesh.accountID
    }

    /// The caller's account. Only for operations whose access needs an account, where the handlers
    /// have already refused a call without one.
    public var account: Int64 {
        guard let accountID else { preconditionFailure("account read on an operation whose access needs none") }
        return accountID
    }

    public var dialect: Dialect { mesh.dialect }
    public var requestID: String? { mesh.requestID }
    public var logger: Logger { context.logger }
}
