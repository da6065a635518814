import Catalog
import HTTPCore
import JSON
import Mesh

/// A service-to-service call as the receiving service sees it on `POST /internal/{name}`: the JSON
/// body, the idempotency key every mutating call carries, and the request id of the client request
/// that caused it.
public struct InternalCall: Sendable {
    public let name: String
    public let parameters: JSONObject
    /// The `Idempotency-Key` header: a retry with the same key must not apply twice.
    public let idempotencyKey: String?
    public let requestID: String?

    /// The idempotency key, checked against the mesh's rule; a mutating contract's handler only runs
    /// once it passed, so there this never throws.
    public func checkedIdempotencyKey() throws(MeshProtocolError) -> String {
        try IdempotencyKeyRule.check(idempotencyKey)
    }

    public init(name: String, parameters: JSONObject, idempotencyKey: String? = nil, requestID: String? = nil) {
        self.name = name
        self.parameters = parameters
        self.idempotencyKey = idempotencyKey
        self.requestID = requestID
    }
}

/// The operations a service offers to the other services, one per `MeshContract`, served on
/// `POST /internal/{name}` with canonical replies (only callers holding the mesh's internal key reach
/// them). Unregistered names answer 404; a literal route such as `GET /internal/operations` takes precedence.
/// What a handler throws is answered as every handler's is (`HandlerOutcome`).
public struct InternalHandlers: Sendable {
    typealias Handler = @Sendable (InternalCall, RequestContext) async throws -> CanonicalReply

    /// Answers the decoded request of contract `C`.
    public typealias ContractHandler<C: MeshContract> =
        @Sendable (C.Request, InternalCall, RequestContext) async throws -> MeshAnswer<C.Reply>

    private var table: [String: Handler] = [:]

    public init() {}

    /// Registers the handler of contract `C` on `POST /internal/{C.name}`. A mutating contract's call
    /// without a valid `Idempotency-Key`, and a request that breaks the contract, are refused before
    /// `handler` runs (`missing_parameter` or `invalid_params`, naming the field); so is a
    /// `MeshProtocolError` the handler throws.
    public mutating func on<C: MeshContract>(_: C.Type, _ handler: @escaping ContractHandler<C>) {
        table[C.name] = { call, context in
            do {
                if C.isMutating { _ = try call.checkedIdempotencyKey() }
                let request = try C.Request(json: call.parameters)
                return try await handler(request, call, context).canonical
            } catch let problem as MeshProtocolError {
                return problem.reply
            }
        }
    }

    public var names: [String] { table.keys.sorted() }

    public func routes(bodyLimit: Int? = nil) -> [Route] {
        let table = self.table
        return [
            Route(
                [.post], "/internal/*", bodyLimit: bodyLimit,
                metricLabel: { parameters in
                    parameters["*"].flatMap { table[$0] == nil ? nil : "/internal/\($0)" }
                }
            ) { context in
                guard let name = context.parameter("*"), let handler = table[name] else {
                    throw HTTPError(.notFound, "no such internal operation")
                }
                guard let parameters = await MeshBody.object(of: context.request) else {
                    return CanonicalReply.failure(.invalidParams, "the body must be a JSON object").httpResponse
                }
                let call = InternalCall(
                    name: name, parameters: parameters,
                    idempotencyKey: context.request.headers[MeshClient.idempotencyKeyHeader],
                    requestID: context.request.headers[MeshHeaders.requestID])
                return await HandlerOutcome.reply(operation: "internal/\(name)", dialect: nil, logger: context.logger) {
                    try await handler(call, context)
                }.httpResponse
            }
        ]
    }
}
