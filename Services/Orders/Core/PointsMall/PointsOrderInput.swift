import Foundation
import Mesh
import ServiceKit

/// What `order.submit` asks for, read from the yaf parameters: the goods (`goods_id`, as `goods.detail`
/// takes it), the product (`productid`, as `goods.detail` names its products; may be left out for an
/// item with a single product), the quantity, the delivery address (`address_id`; absent, 0 or -1 for
/// the default address) and the anti-duplicate token of `system.request.token` (`request_token`: the
/// yaf `token` is the session).
struct PointsOrderInput: Sendable, Equatable {
    static let tokenLimit = 128

    let goodsID: Int64
    let productID: Int64?
    let quantity: Int64
    let addressID: Int64?
    let requestToken: String

    init(_ parameters: Parameters) throws(InputProblem) {
        goodsID = try parameters.id("goods_id")
        productID = try parameters.integer("productid", in: 1...Int64.max)
        quantity = try parameters.requiredInteger("quantity", in: 1...StockReserve.maximumQuantity)
        let address = try parameters.integer("address_id", in: -1...Int64.max)
        addressID = address.flatMap { $0 > 0 ? $0 : nil }
        requestToken = try parameters.required("request_token", maxLength: Self.tokenLimit)
    }
}

/// What `order.list` narrows the customer's orders to, read from the yaf parameters: `order_sn` (empty:
/// any), `order_status` (-1 or absent: any; else one of the document's 1 awaiting shipment, 2 shipped,
/// 3 completed, 4 closed), `start_time` and `end_time` (`yyyy-MM-dd HH:mm:ss`, or a day `yyyy-MM-dd`,
/// which as `end_time` includes the whole day; empty: open) bounding when the order was placed.
struct PointsOrderListInput: Sendable {
    let filter: PointsOrderBook.Filter

    init(_ parameters: Parameters, time: DisplayTime) throws(InputProblem) {
        var filter = PointsOrderBook.Filter()
        filter.orderSN = try parameters.text("order_sn", maxLength: 32)
        let status = try parameters.integer("order_status", in: -1...4) ?? -1
        if status != -1 {
            guard let state = PointsOrderState(documentStatus: status) else {
                throw InputProblem("order_status", .malformed("须为 -1（全部）或 1 到 4 之间的订单状态"))
            }
            filter.state = state
        }
        filter.from = try Self.time("start_time", parameters, time: time, endOfDay: false)
        filter.until = try Self.time("end_time", parameters, time: time, endOfDay: true)
        self.filter = filter
    }

    private static func time(
        _ key: String, _ parameters: Parameters, time: DisplayTime, endOfDay: Bool
    ) throws(InputProblem) -> Date? {
        guard let text = try parameters.text(key, maxLength: 19) else { return nil }
        guard let date = time.parse(text) else {
            throw InputProblem(key, .malformed("须为 yyyy-MM-dd HH:mm:ss 或 yyyy-MM-dd"))
        }
        return endOfDay && text.count == 10 ? date.addingTimeInterval(86_400 - 0.001) : date
    }
}
