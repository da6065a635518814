import Catalog
import HTTPClient
import HTTPCore
import JSON
import Mesh

/// How a mesh call reaches its service: the request and its deadline in, the whole response out.
public typealias MeshTransport =
    @Sendable (ServiceName, HTTPRequest, Duration?) async throws(HTTPClientError) -> HTTPResponse

/// Why a call to another service gave no usable reply.
public struct MeshCallError: Error, CustomStringConvertible, Sendable {
    public let service: ServiceName
    public let operation: String
    /// The transport failure, or the protocol problem with the answer.
    public let detail: String
    /// True when the request may have reached the service (a retry then needs the same idempotency key).
    public let mayHaveApplied: Bool

    public var description: String {
        "internal call \(service.rawValue)/\(operation) failed: \(detail)"
    }
}

/// Calls other services' `POST /internal/{name}` operations with the mesh's internal key. Each
/// service's address comes from `<SERVICE>_URL` (default its loopback port). A call with an
/// idempotency key is retried by the HTTP client when the connection broke, since the key makes a
/// second delivery harmless.
public struct MeshClient: Sendable {
    /// The header that carries a mutating call's idempotency key.
    public static let idempotencyKeyHeader = IdempotencyKeyRule.header

    private let transport: MeshTransport
    private let internalKey: String

    public init(client: HTTPClient, upstreams: [ServiceName: Upstream], internalKey: String) {
        self.init(
            transport: { service, request, timeout throws(HTTPClientError) in
                guard let upstream = upstreams[service] else {
                    throw HTTPClientError(
                        .invalidUpstream, upstream: service.rawValue, detail: "no address configured",
                        requestNotSent: true)
                }
                return try await client.send(request, to: upstream, timeout: timeout)
            }, internalKey: internalKey)
    }

    /// A client whose calls go through `transport` (an in-process mesh).
    public init(transport: @escaping MeshTransport, internalKey: String) {
        self.transport = transport
        self.internalKey = internalKey
    }

    /// The client of `application`, with every service's address from its configuration.
    public init(application: ServiceApplication) throws {
        if let transport = application.meshTransport {
            self.init(transport: transport, internalKey: application.configuration.internalKey)
            return
        }
        var upstreams: [ServiceName: Upstream] = [:]
        for service in ServiceName.allCases {
            upstreams[service] = try application.configuration.upstreamURL(
                of: service.rawValue, defaultPort: service.defaultPort)
        }
        self.init(client: application.client, upstreams: upstreams, internalKey: application.configuration.internalKey)
    }

    /// Calls the operation of contract `C` with `request`. A mutating contract needs an idempotency
    /// key that stays the same on every retry of one change; reading calls pass none.
    public func call<C: MeshContract>(
        _: C.Type, _ request: C.Request, idempotencyKey: String? = nil, requestID: String? = nil,
        timeout: Duration? = nil
    ) async -> MeshOutcome<C.Reply> {
        if C.isMutating {
            do {
                _ = try IdempotencyKeyRule.check(idempotencyKey)
            } catch {
                return .failed(
                    MeshCallError(
                        service: C.service, operation: C.name, detail: "the call was not sent: \(error)",
                        mayHaveApplied: false))
            }
        }
        let reply: CanonicalReply
        do {
            reply = try await call(
                C.service, C.name, request.json, idempotencyKey: idempotencyKey, requestID: requestID,
                timeout: timeout)
        } catch {
            return .failed(error)
        }
        guard reply.kind == .ok else { return .refused(reply) }
        let data: JSONObject
        switch reply.data {
        case nil: data = JSONObject()
        case .object(let object)?: data = object
        case .some:
            return .failed(
                MeshCallError(
                    service: C.service, operation: C.name, detail: "the reply's data is not a JSON object",
                    mayHaveApplied: true))
        }
        do {
            return .ok(try C.Reply(json: data))
        } catch {
            return .failed(
                MeshCallError(
                    service: C.service, operation: C.name, detail: "the reply breaks the contract: \(error)",
                    mayHaveApplied: true))
        }
    }

    /// Sends `parameters` to `POST /internal/{operation}` of `service` and reads the canonical reply.
    private func call(
        _ service: ServiceName, _ operation: String, _ parameters: JSONObject = JSONObject(),
        idempotencyKey: String? = nil, requestID: String? = nil, timeout: Duration? = nil
    ) async throws(MeshCallError) -> CanonicalReply {
        var headers: HTTPHeaders = ["Content-Type": "application/json", MeshHeaders.internalKey: internalKey]
        if let idempotencyKey { headers.add(Self.idempotencyKeyHeader, idempotencyKey) }
        if let requestID { headers.add(MeshHeaders.requestID, requestID) }
        let request = HTTPRequest(
            method: .post, target: "/internal/\(operation)", headers: headers,
            body: JSONValue.object(parameters).serializedBytes())
        let response: HTTPResponse
        do {
            response = try await transport(service, request, timeout)
        } catch {
            throw MeshCallError(
                service: service, operation: operation, detail: error.description, mayHaveApplied: !error.requestNotSent
            )
        }
        do {
            return try CanonicalReply(response: response)
        } catch {
            throw MeshCallError(service: service, operation: operation, detail: "\(error)", mayHaveApplied: true)
        }
    }
}
