import Dialects
import HTTPClient
import HTTPCore
import Mesh
import ServiceKit

/// Sends a request on to the service that owns it and hands back the answer, turning mesh
/// failures into 502 / 504 answers instead of hangs.
struct Forwarder: Sendable {
    let client: HTTPClient
    let upstreams: [ServiceName: Upstream]

    /// Forwards to `path` of the service named in the route's `{service}` parameter.
    func forward(_ context: RequestContext, path: String) async throws -> HTTPResponse {
        guard let name = context.parameter("service"), let service = ServiceName(rawValue: name),
            let upstream = upstreams[service]
        else {
            throw HTTPError(.notFound, "no such service")
        }
        var request = HTTPRequest(method: context.request.method, target: path)
        request.headers.add(ServiceResponder.requestIDHeader, context.requestID)
        do {
            let answer = try await client.send(request, to: upstream)
            var response = HTTPResponse(status: answer.status, body: answer.body)
            if let type = answer.headers["Content-Type"] { response.headers.add("Content-Type", type) }
            return response
        } catch {
            context.logger.warning(
                "upstream call failed", [("upstream", .string(name)), ("error", .string("\(error)"))])
            throw HTTPError(error.isTimeout ? .gatewayTimeout : .badGateway, "service \(name) is not answering")
        }
    }

    func isHealthy(_ upstream: Upstream) async -> Bool {
        let answer = try? await client.send(
            HTTPRequest(method: .get, target: "/health"), to: upstream, timeout: .seconds(2))
        return answer?.status.code == 200
    }
}
