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

    public init(name: String, parameters: JSONObject, idempotencyKey: String? = nil, requestID: String? = nil) {
        self.name = name
        self.parameters = parameters
        self.idempotencyKey = idempotencyKey
        self.requestID = requestID
    }
}

/// The operations a service offers to the other services, served on `POST /internal/{name}` with
/// canonical replies (only callers holding the mesh's internal key reach them). Unregistered names
/// answer 404; a literal route such as `/internal/sessions/resolve` takes precedence.
public struct InternalHandlers: Sendable {
    public typealias Handler = @Sendable (InternalCall, RequestContext) async throws -> CanonicalReply

    private var table: [String: Handler] = [:]

    public init() {}

    /// Registers the handler of `POST /internal/{name}`.
    public mutating func on(_ name: String, _ handler: @escaping Handler) { table[name] = handler }

    public var names: [String] { table.keys.sorted() }

    public func routes(bodyLimit: Int? = nil) -> [Route] {
        let table = self.table
        return [
            .post("/internal/*", bodyLimit: bodyLimit) { context in
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
                do {
                    return try await handler(call, context).httpResponse
                } catch {
                    context.logger.error(
                        "internal operation failed", [("operation", .string(name)), ("error", .string("\(error)"))])
                    return FaultReply.reply(for: error).httpResponse
                }
            }
        ]
    }
}
