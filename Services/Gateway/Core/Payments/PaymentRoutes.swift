import HTTPClient
import HTTPCore
import Mesh
import ServiceKit

/// The public paths of the payment providers, passed to the orders service as they came (the body is
/// the provider's signed message; the gateway reads none of it) and answered with what orders answers:
/// WeChat Pay's payment and refund notifications (XML), Alipay's asynchronous notification (a form), the
/// O2O document's bridge page (`/miniprogram_bridge/pay`, a page orders renders with the target
/// mini-program's code), and, outside production, the payment simulator's pages and protocol under `/sandbox/`. When orders
/// cannot be reached the answer is a 503, so a provider sends its notification again later.
enum PaymentRoutes {
    /// Notifications are a few kilobytes; the simulator's requests too.
    static let bodyLimit = 64 * 1024

    /// Public path → the orders service's path.
    static let notifications = [
        "/pay/wechat/notify": "/notify/wechat",
        "/pay/wechat/refund-notify": "/notify/wechat-refund",
        "/pay/alipay/notify": "/notify/alipay",
    ]

    /// Public pages (GET) → the orders service's path.
    static let pages = ["/miniprogram_bridge/pay": "/pages/o2o-bridge"]

    /// The answer headers passed back to the caller.
    static let passedHeaders = ["Content-Type", "Location", "Cache-Control"]

    static func make(client: HTTPClient, orders: Upstream, internalKey: String, sandbox: Bool) -> [Route] {
        var routes = notifications.sorted { $0.key < $1.key }.map { (path, inner) in
            Route.post(path, bodyLimit: bodyLimit) { context in
                try await pass(context, to: inner, client: client, orders: orders, internalKey: internalKey)
            }
        }
        routes += pages.sorted { $0.key < $1.key }.map { (path, inner) in
            Route.get(path) { context in
                try await pass(context, to: inner, client: client, orders: orders, internalKey: internalKey)
            }
        }
        if sandbox {
            routes.append(
                Route([.get, .post], "/sandbox/*", bodyLimit: bodyLimit) { context in
                    try await pass(context, to: context.request.path, client: client, orders: orders, internalKey: "")
                })
        }
        return routes
    }

    private static func pass(
        _ context: RequestContext, to path: String, client: HTTPClient, orders: Upstream, internalKey: String
    ) async throws -> HTTPResponse {
        var request = HTTPRequest(
            method: context.request.method, target: path + (context.request.query.map { "?" + $0 } ?? ""),
            body: context.request.body)
        if let type = context.request.headers["Content-Type"] { request.headers.add("Content-Type", type) }
        request.headers.add(ServiceResponder.requestIDHeader, context.requestID)
        if !internalKey.isEmpty { request.headers.add(MeshHeaders.internalKey, internalKey) }
        let answer: HTTPResponse
        do {
            answer = try await client.send(request, to: orders)
        } catch {
            context.logger.warning("payment request not delivered", [("error", .string("\(error)"))])
            throw HTTPError(.serviceUnavailable, "payments are not answering; send it again")
        }
        guard answer.status.code < 500 else {
            throw HTTPError(.serviceUnavailable, "payments could not take it; send it again")
        }
        var response = HTTPResponse(status: answer.status, body: answer.body)
        for name in passedHeaders {
            if let value = answer.headers[name] { response.headers.add(name, value) }
        }
        return response
    }
}
