import Catalog
import Dialects
import HTTPClient
import HTTPCore
import JSON
import Mesh
import ServiceKit

/// The way of every client request: decode in its dialect, check the signature, the rate limits
/// and the session, forward the canonical call to the owning service, and encode the answer back
/// into the dialect. Nothing reaches a service that a check refused.
struct DialectPipeline: Sendable {
    let signatures: SignatureCheck
    let sessions: SessionResolver
    let addressLimiter: RateLimiter
    let userLimiter: RateLimiter
    let client: HTTPClient
    let upstreams: [ServiceName: Upstream]
    let internalKey: String

    func handle(_ context: RequestContext, codec: any DialectCodec) async -> HTTPResponse {
        let request = context.request
        let address = request.remoteAddress.map(Self.host(of:)) ?? "unknown"
        if !addressLimiter.allow(address) {
            return codec.encode(.failure(.rateLimited, "too many requests"), call: nil, operation: nil)
        }
        let call: ClientCall
        do {
            call = try codec.decode(request)
        } catch {
            return codec.encode(error.reply, call: nil, operation: error.operation)
        }
        if let failure = signatures.verify(call) {
            return codec.encode(failure.reply, call: call, operation: call.operation)
        }
        let caller: CallerIdentity?
        let sessionState: SessionState
        switch await resolveSession(call, requestID: context.requestID, logger: context.logger) {
        case .failure(let box):
            return codec.encode(box.reply, call: call, operation: call.operation)
        case .success(let resolved):
            (caller, sessionState) = resolved
        }
        if Self.isGuestOutsideBinding(call, caller) {
            return codec.encode(.failure(.notLoggedIn, "bind a mobile first"), call: call, operation: call.operation)
        }
        if let caller, !userLimiter.allow(caller.userID) {
            return codec.encode(.failure(.rateLimited, "too many requests"), call: call, operation: call.operation)
        }
        let reply = await forward(call, caller: caller, sessionState: sessionState, context: context, address: address)
        if reply.kind == .ok, call.operation.traits.changesSession, let token = call.token {
            sessions.forget(dialect: call.dialect, token: token)
        }
        return codec.encode(reply, call: call, operation: call.operation)
    }

    /// An O2O session without a bound mobile may only bind one; other operations that need a session are
    /// not for it yet.
    static func isGuestOutsideBinding(_ call: ClientCall, _ caller: CallerIdentity?) -> Bool {
        call.dialect == .o2o && call.operation.session == .required && caller?.role == .guest
            && !call.operation.traits.allowsGuest
    }

    /// The caller and the session state to tell the service, or the reply that ends the request.
    private func resolveSession(
        _ call: ClientCall, requestID: String, logger: Logger
    ) async
        -> Result<(CallerIdentity?, SessionState), CanonicalReplyBox>
    {
        let token = call.token.flatMap { $0.isEmpty ? nil : $0 }
        let required = call.operation.session == .required
        if token == nil && required {
            return .failure(CanonicalReplyBox(.failure(.notLoggedIn, "not logged in")))
        }
        guard token != nil || call.nonce != nil else { return .success((nil, .none)) }
        let answer: SessionAnswer
        do {
            answer = try await sessions.resolve(
                dialect: call.dialect, token: token, nonce: call.nonce, nonceScope: call.appID, requestID: requestID)
        } catch {
            logger.warning("session check failed", [("error", .string("\(error)"))])
            return .failure(CanonicalReplyBox(.failure(.upstreamFailed, "service unavailable")))
        }
        switch answer {
        case .valid(let identity):
            if let claimed = call.claimedUserID, let identity, claimed != identity.userID {
                return .failure(CanonicalReplyBox(.failure(.tokenInvalid, "userId does not belong to this loginKey")))
            }
            return .success((identity, identity == nil ? .none : .valid))
        case .refused(let kind, let message):
            if kind == .replayed || required || token == nil {
                return .failure(CanonicalReplyBox(.failure(kind, message)))
            }
            return .success((nil, .invalid))
        }
    }

    private func forward(
        _ call: ClientCall, caller: CallerIdentity?, sessionState: SessionState, context: RequestContext,
        address: String
    ) async -> CanonicalReply {
        guard let upstream = upstreams[call.operation.service] else {
            return .failure(.notImplemented, "not implemented")
        }
        let meshCall = MeshCall(
            dialect: call.dialect, operation: call.operation.name, parameters: call.parameters, caller: caller,
            appID: call.appID, token: call.token, sessionState: sessionState, clientAddress: address,
            requestID: context.requestID, requestedRole: call.role.flatMap(CallerRole.init(rawValue:)))
        var request = meshCall.httpRequest()
        request.headers.add(MeshHeaders.internalKey, internalKey)
        do {
            let response = try await client.send(request, to: upstream)
            if response.status == .notFound { return .failure(.notImplemented, "not implemented yet") }
            // The service's own body limit is lower than the gateway's for this request: the client sent too much.
            if response.status == .payloadTooLarge { return .failure(.payloadTooLarge, "request body too large") }
            return try CanonicalReply(response: response)
        } catch let error as HTTPClientError {
            context.logger.warning(
                "upstream call failed",
                [("service", .string(call.operation.service.rawValue)), ("error", .string("\(error)"))])
            return .failure(.upstreamFailed, "service unavailable")
        } catch {
            context.logger.error(
                "upstream broke the mesh protocol",
                [("service", .string(call.operation.service.rawValue)), ("error", .string("\(error)"))])
            return .failure(.internal, "internal error")
        }
    }

    /// `1.2.3.4` of `1.2.3.4:5678`, `::1` of `[::1]:5678`.
    static func host(of address: String) -> String {
        if address.hasPrefix("["), let end = address.firstIndex(of: "]") {
            return String(address[address.index(after: address.startIndex)..<end])
        }
        if let colon = address.lastIndex(of: ":") { return String(address[..<colon]) }
        return address
    }
}

/// A reply carried as a `Result` failure.
struct CanonicalReplyBox: Error {
    let reply: CanonicalReply
    init(_ reply: CanonicalReply) { self.reply = reply }
}
