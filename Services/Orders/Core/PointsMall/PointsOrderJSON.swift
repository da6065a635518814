import Foundation
import JSON
import Mesh
import ServiceKit

/// Points-mall orders as the app base API writes them: an `order.list` entry with every field of the
/// document, in its order; times `yyyy-MM-dd HH:mm:ss`, null until they happen; prices in gold coins.
enum PointsOrderJSON {
    static func order(_ order: PointsOrderRecord, time: DisplayTime) -> JSONObject {
        func moment(_ date: Date?) -> JSONValue { date.map { .string(time.format($0)) } ?? .null }
        return [
            "orderid": .integer(order.id), "order_sn": .string(order.orderSN),
            "total_price": .integer(order.totalPrice),
            "pay_time": moment(order.payTime),
            "order_status": order.state.documentStatus.map { .integer(Int64($0)) } ?? .null,
            "shipping_time": moment(order.shippingTime), "done_time": moment(order.doneTime),
            "closed_time": moment(order.closedTime), "receiver_name": .string(order.receiver.name),
            "receiver_province": .string(order.receiver.province), "receiver_city": .string(order.receiver.city),
            "receiver_district": .string(order.receiver.district), "receiver_street": .string(order.receiver.street),
            "receiver_address": .string(order.receiver.address), "receiver_mobile": .string(order.receiver.mobile),
            "c_time": .string(time.format(order.createdAt)), "order_status_label": .string(order.state.label),
            "goods_list": .array(order.items.map { .object(item($0)) }),
        ]
    }

    static func item(_ item: PointsOrderItem) -> JSONObject {
        [
            "goodsid": .integer(item.goodsID), "goods_name": .string(item.goodsName),
            "goods_image": .string(item.goodsImage), "productid": .integer(item.productID),
            "spec_val": .string(item.specVal), "market_price": .integer(item.marketPrice),
            "sales_price": .integer(item.salesPrice), "quantity": .integer(item.quantity),
            "payment_price": .integer(item.paymentPrice), "total_price": .integer(item.totalPrice),
        ]
    }

    /// The platform's view (admin): the document's fields and where the order stands inside the platform.
    static func admin(_ order: PointsOrderRecord, time: DisplayTime) -> JSONObject {
        var json = Self.order(order, time: time)
        json["account_id"] = .integer(order.accountID)
        json["state"] = .string(order.state.rawValue)
        json["carrier"] = .string(order.carrier)
        json["tracking_no"] = .string(order.trackingNo)
        json["close_reason"] = .string(order.closeReason)
        json["reservation_id"] = order.reservationID.map(JSONValue.integer) ?? .null
        json["coins_spent"] = .bool(order.coinsSpent)
        json["returns_pending"] = .bool(order.returnsPending)
        return json
    }
}
