import Crypto
import EventLoops
import Foundation
import HTTPCore
import HTTPServer

/// The service's answer to every request: request id, internal-key check for the mesh-only
/// routes, routing, error mapping, one log line and the request metrics.
public struct ServiceResponder: HTTPResponder {
    /// Header carrying the request id through the mesh.
    public static let requestIDHeader = "X-Request-Id"
    /// Header carrying the shared mesh key on internal calls.
    public static let internalKeyHeader = "X-Internal-Key"

    let router: Router
    let logger: Logger
    let metrics: MetricsRegistry
    let internalKey: [UInt8]
    let meshOnlyPrefixes: [String]

    /// Path prefixes only the mesh may call on an inner service: internal calls, client operations
    /// forwarded by the gateway, and admin operations forwarded from the gateway's admin surface.
    public static let innerServicePrefixes = ["/internal", "/op", "/admin"]
    /// The mesh-only paths of the public edge: its internal operations (auth's notices).
    public static let publicEdgeMeshPrefixes = ["/internal"]

    public init(
        routes: [Route], logger: Logger, metrics: MetricsRegistry, internalKey: String,
        meshOnlyPrefixes: [String] = ServiceResponder.innerServicePrefixes
    ) {
        router = Router(routes)
        self.logger = logger
        self.metrics = metrics
        self.internalKey = Array(internalKey.utf8)
        self.meshOnlyPrefixes = meshOnlyPrefixes
    }

    public func bodyLimit(for head: RequestHead) -> Int? {
        if case .found(let route, _) = router.match(method: head.method, path: head.path) { return route.bodyLimit }
        return nil
    }

    public func refusal(_ status: HTTPStatus, for head: RequestHead) -> HTTPResponse? {
        guard case .found(let route, _) = router.match(method: head.method, path: head.path) else { return nil }
        return route.refusal?(status, head)
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        let started = MonotonicClock.now()
        let requestID = ServiceResponder.requestID(from: request.headers[ServiceResponder.requestIDHeader])
        let requestLogger = logger.with("request.id", .string(requestID))
        var template = "unmatched"
        var response: HTTPResponse
        if isMeshOnly(request.path) && !hasInternalKey(request) {
            response = HTTPError(.forbidden, "internal route: missing or wrong \(ServiceResponder.internalKeyHeader)")
                .response(requestID: requestID)
        } else {
            switch router.match(method: request.method, path: Substring(request.path)) {
            case .found(let route, let parameters):
                template = route.metricLabel?(parameters) ?? route.template
                let context = RequestContext(
                    request: request, pathParameters: parameters, requestID: requestID, logger: requestLogger)
                do {
                    response = try await route.handler(context)
                } catch let error as HTTPError {
                    response = error.response(requestID: requestID)
                } catch {
                    requestLogger.error(
                        "handler failed", [("error", .string("\(error)")), ("route", .string(template))])
                    response = HTTPError(.internalServerError, "internal error").response(requestID: requestID)
                }
            case .methodNotAllowed(let allowed):
                response = HTTPError(.methodNotAllowed, "method \(request.method) not allowed here")
                    .response(requestID: requestID)
                response.headers.set("Allow", allowed.map(\.rawValue).sorted().joined(separator: ", "))
            case .notFound:
                response = HTTPError(.notFound, "no such route").response(requestID: requestID)
            }
        }
        response.headers.set(ServiceResponder.requestIDHeader, requestID)
        let seconds = Double(MonotonicClock.now() &- started) / 1e9
        record(
            request: request, template: template, status: response.status.code, seconds: seconds, logger: requestLogger)
        return response
    }

    private func record(request: HTTPRequest, template: String, status: Int, seconds: Double, logger: Logger) {
        let labels = [("route", template), ("method", request.method.rawValue), ("status", String(status))]
        metrics.increment(
            "http_requests_total", help: "Requests answered, by route template, method and status.",
            labels: labels)
        metrics.observe(
            "http_request_duration_seconds", help: "Time to answer a request, by route template.",
            labels: [("route", template)], value: seconds)
        if template == "/health" || template == "/metrics" || template == "/ready" {
            logger.debug("request", requestFields(request, status: status, seconds: seconds))
        } else {
            logger.info("request", requestFields(request, status: status, seconds: seconds))
        }
    }

    /// The fields of the per-request log line; the path only, never the query (it may hold tokens).
    private func requestFields(_ request: HTTPRequest, status: Int, seconds: Double) -> [(String, LogValue)] {
        [
            ("method", .string(request.method.rawValue)), ("path", .string(request.path)), ("status", .int(status)),
            ("duration_ms", .double(seconds * 1000)), ("client", .string(request.remoteAddress ?? "")),
        ]
    }

    private func hasInternalKey(_ request: HTTPRequest) -> Bool {
        guard let given = request.headers[ServiceResponder.internalKeyHeader] else { return false }
        return constantTimeEquals(Array(given.utf8), internalKey)
    }

    func isMeshOnly(_ path: String) -> Bool {
        for prefix in meshOnlyPrefixes where path == prefix || path.hasPrefix(prefix + "/") {
            return true
        }
        return false
    }

    /// The caller's id when it is a sane token, or a new random one.
    static func requestID(from header: String?) -> String {
        if let header, (1...64).contains(header.utf8.count),
            header.utf8.allSatisfy({
                ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2D || $0 == 0x5F
            })
        {
            return header
        }
        return SecureRandom.token(bytes: 8)
    }
}
