import HTTPClient
import HTTPCore
import Mesh
import ServiceKit

/// `POST /pay/wechat/notify`: WeChat Pay's payment notifications, passed to the orders service as they
/// came (the body is the provider's signed XML; the gateway reads none of it) and answered with the
/// orders service's XML. When orders cannot be reached the answer is a 503, so WeChat Pay sends the
/// notification again later.
enum PaymentNotifyRoute {
    /// WeChat Pay's notifications are a few kilobytes.
    static let bodyLimit = 64 * 1024

    static func make(client: HTTPClient, orders: Upstream, internalKey: String) -> Route {
        .post("/pay/wechat/notify", bodyLimit: bodyLimit) { context in
            var request = HTTPRequest(
                method: .post, target: "/notify/wechat",
                headers: ["Content-Type": context.request.headers["Content-Type"] ?? "text/xml"],
                body: context.request.body)
            request.headers.add(ServiceResponder.requestIDHeader, context.requestID)
            request.headers.add(MeshHeaders.internalKey, internalKey)
            let answer: HTTPResponse
            do {
                answer = try await client.send(request, to: orders)
            } catch let error as HTTPClientError {
                context.logger.warning("payment notification not delivered", [("error", .string("\(error)"))])
                throw HTTPError(.serviceUnavailable, "payments are not answering; send the notification again")
            }
            guard answer.status == .ok else {
                throw HTTPError(.serviceUnavailable, "payments could not take the notification; send it again")
            }
            var response = HTTPResponse(status: .ok, body: answer.body)
            response.headers.add("Content-Type", answer.headers["Content-Type"] ?? "text/xml; charset=utf-8")
            return response
        }
    }
}
