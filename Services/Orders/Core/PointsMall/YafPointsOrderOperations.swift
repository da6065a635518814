import JSON
import Mesh
import ServiceKit

/// The points-mall orders of the app base API (document 003), for the signed-in customer:
/// `order.list` exactly as the document shows it (20 a page, `isnext`), and the platform's
/// `order.submit`, which places and pays an order in gold coins and answers it in the list's shape.
struct YafPointsOrderOperations: Sendable {
    static let pageSize = 20

    let placement: PointsOrderPlacement

    var book: PointsOrderBook { placement.book }
    var time: DisplayTime { placement.time }

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(.yaf, "order.submit", access: .account) { call in
            let input = try PointsOrderInput(call.parameters)
            let order = try await operations.placement.place(input, accountID: call.account, requestID: call.requestID)
            return CanonicalReply(
                kind: .ok, message: "兑换成功", data: .object(PointsOrderJSON.order(order, time: operations.time)))
        }
        handlers.on(.yaf, "order.list", access: .account) { call in
            let input = try PointsOrderListInput(call.parameters, time: operations.time)
            let page = try PageRequest(call.parameters.values["page"], size: Self.pageSize)
            let (total, orders) = try await operations.book.page(
                accountID: call.account, filter: input.filter, page: page)
            let list = orders.map { JSONValue.object(PointsOrderJSON.order($0, time: operations.time)) }
            return CanonicalReply(kind: .ok, message: "success", data: page.reply(list: list, total: total))
        }
    }
}
