import Catalog
import HTTPClient
import HTTPCore
import JSON
import Mesh
import ServiceKit

/// The admin surface: `POST /admin/api/login`, `POST /admin/api/logout` and
/// `POST /admin/api/{service}/{operation}` with `Authorization: Bearer <token>`, JSON in and out.
/// Answers `{"ok":true,"data":…}` or `{"ok":false,"error":<kind>,"message":…}` with a fitting status.
struct AdminSurface: Sendable {
    let client: HTTPClient
    let upstreams: [ServiceName: Upstream]
    let sessions: SessionResolver
    let internalKey: String

    /// Admin bodies stay small; uploads go through the content service's own operations.
    static let bodyLimit = 1024 * 1024

    func routes() -> [Route] {
        [
            .post("/admin/api/login") { context in
                await self.call(.auth, "/internal/admin/login", body: context.request.body, context: context)
            },
            .post("/admin/api/logout") { context in
                guard let token = AdminSurface.bearer(context.request) else {
                    return AdminSurface.answer(.failure(.notLoggedIn, "admin session required"))
                }
                let body = JSONValue.object(AdminLogout.Request(token: token).json).serializedBytes()
                sessions.forget(scope: SessionScope.admin, token: token)
                return await self.call(.auth, "/internal/admin/logout", body: body, context: context)
            },
            .post("/admin/api/{service}/*", bodyLimit: AdminSurface.bodyLimit) { context in
                guard let name = context.parameter("service"), let service = ServiceName(rawValue: name),
                    let operation = context.parameter("*"), !operation.isEmpty
                else {
                    return AdminSurface.answer(.failure(.noSuchOperation, "no such service"))
                }
                guard let token = AdminSurface.bearer(context.request) else {
                    return AdminSurface.answer(.failure(.notLoggedIn, "admin session required"))
                }
                let admin: CallerIdentity
                do {
                    switch try await sessions.resolve(
                        scope: SessionScope.admin, token: token, nonce: nil, nonceScope: nil,
                        requestID: context.requestID)
                    {
                    case .valid(let identity?): admin = identity
                    case .valid(nil): return AdminSurface.answer(.failure(.tokenInvalid, "admin session required"))
                    case .refused(let kind, let message): return AdminSurface.answer(.failure(kind, message))
                    }
                } catch {
                    return AdminSurface.answer(.failure(.upstreamFailed, "auth service unavailable"))
                }
                let headers: HTTPHeaders = [MeshHeaders.userID: admin.userID, MeshHeaders.role: "admin"]
                return await self.call(
                    service, "/admin/\(operation)", body: context.request.body, context: context, headers: headers)
            },
        ]
    }

    private func call(
        _ service: ServiceName, _ path: String, body: [UInt8], context: RequestContext, headers: HTTPHeaders = [:]
    ) async -> HTTPResponse {
        guard let upstream = upstreams[service] else {
            return AdminSurface.answer(.failure(.noSuchOperation, "no such service"))
        }
        var request = HTTPRequest(method: .post, target: path, headers: headers, body: body)
        request.headers.add("Content-Type", "application/json")
        request.headers.add(MeshHeaders.internalKey, internalKey)
        request.headers.add(MeshHeaders.requestID, context.requestID)
        do {
            let response = try await client.send(request, to: upstream)
            if response.status == .notFound {
                return AdminSurface.answer(.failure(.noSuchOperation, "no such admin operation"))
            }
            return AdminSurface.answer(try CanonicalReply(response: response))
        } catch {
            context.logger.warning(
                "admin call failed", [("service", .string(service.rawValue)), ("error", .string("\(error)"))])
            return AdminSurface.answer(.failure(.upstreamFailed, "service unavailable"))
        }
    }

    static func bearer(_ request: HTTPRequest) -> String? {
        guard let value = request.headers["Authorization"], value.hasPrefix("Bearer ") else { return nil }
        let token = value.dropFirst("Bearer ".count).trimmingASCIISpaces()
        return token.isEmpty || token.utf8.count > 128 ? nil : String(token)
    }

    static func answer(_ reply: CanonicalReply) -> HTTPResponse {
        var body: JSONObject = ["ok": .bool(reply.kind == .ok)]
        if reply.kind == .ok {
            body["data"] = reply.data ?? .null
        } else {
            body["error"] = .string(reply.kind.rawValue)
            body["message"] = .string(reply.message)
        }
        return .json(JSONValue.object(body).serialized(), status: status(for: reply.kind))
    }

    static func status(for kind: ReplyKind) -> HTTPStatus {
        switch kind {
        case .ok: .ok
        case .notLoggedIn, .tokenInvalid, .tokenReplaced, .wrongPassword: .unauthorized
        case .forbidden, .accountLocked: .forbidden
        case .notFound, .noSuchOperation: .notFound
        case .rateLimited: .tooManyRequests
        case .upstreamFailed: .badGateway
        case .internal: .internalServerError
        case .notImplemented: .notImplemented
        default: .badRequest
        }
    }
}

/// Session scopes the gateway asks auth about besides the dialects.
enum SessionScope {
    static let admin = "admin"
}
