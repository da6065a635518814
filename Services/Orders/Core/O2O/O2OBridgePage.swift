import Foundation
import HTTPCore
import Mesh
import ServiceKit

/// `GET /pages/o2o-bridge`: the O2O document's bridge page (`/miniprogram_bridge/pay` on the gateway,
/// which passes it on) with its parameters `targetOperId`, `orderNo`, `userId` and `page`. For an unpaid
/// order of that buyer whose goods belong to the operations centre `targetOperId` (another centre than the
/// mini-program the order was placed in), it shows the target mini-program's code (auth's
/// `miniprogram.code`: WeChat's `getwxacodeunlimit`, or the simulator's QR code outside production)
/// carrying the order's scene; scanning it opens `page`, which signs the buyer in with `loginWithSceneId`
/// and pays with `order/pay`. Anything else answers a short page saying why, never another buyer's order.
struct O2OBridgePage: Sendable {
    let orders: O2OOrderBook
    let mesh: MeshClient
    let settings: O2OSettings

    func route() -> Route {
        let page = self
        return .get("/pages/o2o-bridge") { context in try await page.answer(context) }
    }

    func answer(_ context: RequestContext) async throws -> HTTPResponse {
        let request = context.request
        guard let operID = request.queryValue("targetOperId").flatMap({ Int64($0) }), operID > 0,
            let userID = request.queryValue("userId").flatMap({ Int64($0) }), userID > 0,
            let orderNo = request.queryValue("orderNo"), orderNo.utf8.count <= 32
        else { return Self.page(.badRequest, "参数不完整", "需要 targetOperId、orderNo 和 userId。") }
        let target = request.queryValue("page").flatMap { $0.isEmpty ? nil : $0 } ?? settings.bridgePage
        guard O2OSettings.isPage(target) else {
            return Self.page(.badRequest, "页面地址无效", "page 须为小程序已发布的页面路径，如 pages/index/index。")
        }
        guard let order = try await orders.find(orderNo: orderNo, accountID: userID), order.operID == operID else {
            return Self.page(.notFound, "订单不存在", "请回到小程序重新下单。")
        }
        switch order.status {
        case .unpaid: break
        case .cancelled, .closed: return Self.page(.ok, "订单已关闭", "请回到小程序重新下单。")
        case .paid, .refunded, .completed: return Self.page(.ok, "订单已支付", "无需重复支付。")
        }
        guard let scene = order.sceneID else {
            return Self.page(.ok, "无需跳转", "该订单可在当前小程序中直接支付。")
        }
        let code: MiniProgramCodeGet.Reply
        switch await mesh.call(
            MiniProgramCodeGet.self, MiniProgramCodeGet.Request(appID: order.operAppID, scene: scene, page: target),
            requestID: context.requestID)
        {
        case .ok(let reply): code = reply
        case .refused(let refusal):
            context.logger.warning(
                "mini-program code refused",
                [("kind", .string(refusal.kind.rawValue)), ("message", .string(refusal.message))])
            return Self.page(.badGateway, "小程序码暂时无法生成", "请稍后刷新重试。")
        case .failed(let error):
            context.logger.warning("mini-program code not fetched", [("error", .string(error.detail))])
            return Self.page(.badGateway, "小程序码暂时无法生成", "请稍后刷新重试。")
        }
        guard code.contentType == "image/png" || code.contentType == "image/jpeg",
            code.image.utf8.allSatisfy({ Self.base64Bytes.contains($0) })
        else { return Self.page(.badGateway, "小程序码暂时无法生成", "请稍后刷新重试。") }
        return Self.page(
            .ok, "打开小程序完成支付",
            """
            <p>\(HTMLText.escape(order.goodsName)) × \(order.buyNumber) · ¥\(Yuan.text(fen: order.payPrice))</p>
            <p><img id="miniprogram-code" alt="小程序码" width="280" height="280"
                 src="data:\(code.contentType);base64,\(code.image)"></p>
            <p>请使用微信扫描上方小程序码，在商品所属运营中心的小程序中完成支付。</p>
            """, escapedBody: true)
    }

    private static let base64Bytes = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=".utf8)

    /// A small page; `body` is escaped unless `escapedBody` says it already is.
    static func page(_ status: HTTPStatus, _ title: String, _ body: String, escapedBody: Bool = false) -> HTTPResponse {
        let content = escapedBody ? body : "<p>\(HTMLText.escape(body))</p>"
        var response = HTTPResponse(
            status: status, contentType: "text/html; charset=utf-8",
            body: HTMLDocument.page(title: title, escapedBody: content))
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}
