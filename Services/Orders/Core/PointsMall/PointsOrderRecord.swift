import Foundation
import Postgres

/// Where an order goes: the receiver copied from the customer's delivery address when it was placed.
struct PointsReceiver: Sendable, Equatable {
    let name: String
    let province: String
    let city: String
    let district: String
    /// The fourth address level; the platform's addresses stop at the county, so it is empty.
    let street: String
    let address: String
    let mobile: String
}

/// One line of an order: the goods and product as they were when it was placed, prices in gold coins.
/// `totalPrice` is the price before any discount (`salesPrice × quantity`), `paymentPrice` what was paid
/// for the line; the points mall has no discounts, so the two are equal.
struct PointsOrderItem: Sendable, Equatable {
    let goodsID: Int64
    let goodsName: String
    let goodsImage: String
    let productID: Int64
    let specVal: String
    let marketPrice: Int64
    let salesPrice: Int64
    let quantity: Int64
    let paymentPrice: Int64
    let totalPrice: Int64
}

/// What the placing of an order writes before anything moves.
struct PointsOrderDraft: Sendable, Equatable {
    let accountID: Int64
    let item: PointsOrderItem
    let receiver: PointsReceiver
    /// The goods' per-person limit (0: none).
    let limitCount: Int64

    /// The coins the order costs.
    var totalPrice: Int64 { item.paymentPrice }
}

/// A points-mall order as stored, with its items.
struct PointsOrderRecord: Sendable, Equatable {
    static let columns = """
        id, order_sn, account_id, state, goods_id, product_id, quantity, total_price, receiver_name,
        receiver_province, receiver_city, receiver_district, receiver_street, receiver_address, receiver_mobile,
        reservation_id, coins_spent, returns_pending, carrier, tracking_no, close_reason, created_at, pay_time,
        shipping_time, done_time, closed_time
        """

    let id: Int64
    let orderSN: String
    let accountID: Int64
    let state: PointsOrderState
    let goodsID: Int64
    let productID: Int64
    let quantity: Int64
    let totalPrice: Int64
    let receiver: PointsReceiver
    /// The merchants service's reservation of the order's stock, once it is known.
    let reservationID: Int64?
    /// Whether the user service took the coins (known once its answer came).
    let coinsSpent: Bool
    /// The give-back is decided (an abandoned placing, a closed order) and not yet confirmed.
    let returnsPending: Bool
    let carrier: String
    let trackingNo: String
    let closeReason: String
    let createdAt: Date
    let payTime: Date?
    let shippingTime: Date?
    let doneTime: Date?
    let closedTime: Date?
    var items: [PointsOrderItem] = []

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        orderSN = try row.decode("order_sn")
        accountID = try row.decode("account_id")
        let stateText: String = try row.decode("state")
        guard let state = PointsOrderState(rawValue: stateText) else {
            throw PointsOrderRecordBroken(orderSN: orderSN, state: stateText)
        }
        self.state = state
        goodsID = try row.decode("goods_id")
        productID = try row.decode("product_id")
        quantity = try row.decode("quantity")
        totalPrice = try row.decode("total_price")
        receiver = PointsReceiver(
            name: try row.decode("receiver_name"), province: try row.decode("receiver_province"),
            city: try row.decode("receiver_city"), district: try row.decode("receiver_district"),
            street: try row.decode("receiver_street"), address: try row.decode("receiver_address"),
            mobile: try row.decode("receiver_mobile"))
        reservationID = try row.decode("reservation_id")
        coinsSpent = try row.decode("coins_spent")
        returnsPending = try row.decode("returns_pending")
        carrier = try row.decode("carrier")
        trackingNo = try row.decode("tracking_no")
        closeReason = try row.decode("close_reason")
        createdAt = try row.decode("created_at")
        payTime = try row.decode("pay_time")
        shippingTime = try row.decode("shipping_time")
        doneTime = try row.decode("done_time")
        closedTime = try row.decode("closed_time")
    }
}

/// A stored order whose state the code does not know: the table was changed by something else.
struct PointsOrderRecordBroken: Error, Sendable, CustomStringConvertible {
    let orderSN: String
    let state: String

    var description: String { "points order \(orderSN) has the unknown state \(state)" }
}
