import HTTPClient
import HTTPCore
import Mesh
import ServiceKit

/// `GET /files/...` (and `HEAD`): uploaded files, fetched from the content service, which names them
/// by their content's hash and answers with `ETag` and long-lived `Cache-Control`. The client's
/// `If-None-Match` goes along, so a cached copy is answered `304 Not Modified`.
enum FileRoute {
    /// The headers of the content service's answer that reach the client.
    static let passedHeaders = ["Content-Type", "ETag", "Cache-Control", "X-Content-Type-Options"]

    static func make(client: HTTPClient, content: Upstream) -> Route {
        .get("/files/*") { context in
            guard let rest = context.parameter("*"), !rest.isEmpty, rest.utf8.count <= 200 else {
                throw HTTPError(.notFound, "no such file")
            }
            var request = HTTPRequest(method: .get, target: "/files/\(rest)")
            request.headers.add(ServiceResponder.requestIDHeader, context.requestID)
            if let tag = context.request.headers["If-None-Match"] { request.headers.add("If-None-Match", tag) }
            let answer: HTTPResponse
            do {
                answer = try await client.send(request, to: content)
            } catch let error as HTTPClientError {
                context.logger.warning("file fetch failed", [("error", .string("\(error)"))])
                throw HTTPError(error.isTimeout ? .gatewayTimeout : .badGateway, "the file service is not answering")
            }
            guard answer.status == .ok || answer.status == .notModified else {
                throw HTTPError(answer.status == .notFound ? .notFound : .badGateway, "no such file")
            }
            var response = HTTPResponse(status: answer.status, body: answer.status == .ok ? answer.body : [])
            for name in passedHeaders {
                if let value = answer.headers[name] { response.headers.add(name, value) }
            }
            return response
        }
    }
}
