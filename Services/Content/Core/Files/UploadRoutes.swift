import Envelope
import HTTPCore
import JSON
import ServiceKit

/// The two routes that receive whole images as base64 text: `POST /op/yaf/system.upload` and
/// `POST /internal/files.store`. Their bodies are read with a string limit that fits a 5 MiB image
/// (the shared readers of mesh calls stop strings at 1 MiB); being literal paths, they take precedence
/// over the generic `/op/…` and `/internal/…` routes, and the internal key is checked for them as for
/// those. Reading megabytes of JSON runs on `BlockingWork`, off the event loops.
enum UploadRoutes {
    /// A 5 MiB image is about 7 MiB of base64.
    static let limits = JSONLimits(maxBytes: 9 * 1024 * 1024, maxStringBytes: 8 * 1024 * 1024)

    static func make(
        upload: @escaping @Sendable (MeshCall) async throws -> CanonicalReply,
        store: @escaping @Sendable (InternalCall) async throws -> CanonicalReply
    ) -> [Route] {
        [
            .post("/op/yaf/system.upload", bodyLimit: ContentService.operationBodyLimit) { context in
                guard let parameters = try await object(context.request.body) else {
                    return CanonicalReply.failure(.invalidParams, "the body of a mesh call must be a JSON object")
                        .httpResponse
                }
                let headers = context.request.headers
                let call = MeshCall(
                    dialect: .yaf, operation: "system.upload", parameters: parameters,
                    caller: headers[MeshHeaders.userID].map {
                        CallerIdentity(userID: $0, openID: headers[MeshHeaders.openID], role: headers[MeshHeaders.role])
                    },
                    appID: headers[MeshHeaders.appID], token: headers[MeshHeaders.token],
                    sessionState: headers[MeshHeaders.sessionState] ?? "none",
                    clientAddress: headers[MeshHeaders.clientAddress], requestID: headers[MeshHeaders.requestID])
                return try await answer(context) { try await upload(call) }
            },
            .post("/internal/files.store", bodyLimit: ContentService.operationBodyLimit) { context in
                guard let parameters = try await object(context.request.body) else {
                    return CanonicalReply.failure(.invalidParams, "the body must be a JSON object").httpResponse
                }
                let call = InternalCall(
                    name: "files.store", parameters: parameters,
                    idempotencyKey: context.request.headers[MeshClient.idempotencyKeyHeader],
                    requestID: context.request.headers[MeshHeaders.requestID])
                return try await answer(context) { try await store(call) }
            },
        ]
    }

    private static func object(_ body: [UInt8]) async throws -> JSONObject? {
        if body.isEmpty { return JSONObject() }
        return try await BlockingWork.run {
            guard case .object(let object)? = try? JSONValue.parse(body, limits: limits) else { return nil }
            return object
        }
    }

    private static func answer(
        _ context: RequestContext, _ body: () async throws -> CanonicalReply
    ) async throws -> HTTPResponse {
        do {
            return try await body().httpResponse
        } catch let refusal as ContentRefusal {
            return refusal.reply.httpResponse
        } catch {
            context.logger.error("upload failed", [("error", .string("\(error)"))])
            return CanonicalReply.failure(.internal, "internal error").httpResponse
        }
    }
}
