import JSON

/// `orders.counts` on orders: how many of an account's orders stand at each stage of the shopping
/// flow, as the mobile mall's member centre shows them (document 004, 8.1.1, `orderStatusNums`). The
/// document gives the numbers without their meaning; the platform reads them as the usual five tabs of a
/// Chinese mall's member centre:
///
/// | stage | `orderStatusNums` | counts orders that are |
/// |---|---|---|
/// | `awaiting_payment` | `11` 待付款 | ordered, not paid yet, still payable |
/// | `awaiting_shipment` | `12` 待发货 | paid, not delivered yet |
/// | `awaiting_receipt` | `13` 待收货 | on their way to the member, or vouchers paid and still to be used |
/// | `completed` | `14` 已完成/待评价 | delivered |
/// | `after_sale` | `15` 退款/售后 | being refunded or refunded |
///
/// Orders that never got paid and can no longer be (closed, declined) count nowhere. What counts now,
/// per kind of order:
/// - balance recharges (`member/recharge`): an open trade is awaiting payment; a paid one is completed,
///   or after-sale once a refund of it is pending or made;
/// - phone-credit top-ups (`member/phonecharge`): created (the wallet debit not seen yet) is awaiting
///   payment; paid or charging is awaiting shipment; charged is completed; failed (the debit is owed back)
///   and refunded are after-sale;
/// - O2O voucher orders: unpaid is awaiting payment; paid with codes left is awaiting receipt; completed
///   (every code redeemed) is completed; refunded is after-sale;
/// - points-mall orders: paid (on creation) is awaiting shipment; shipped is awaiting receipt; completed
///   is completed; closed (the coins given back) is after-sale.
///
/// Train tickets are the train app's own and are not counted. Each further kind of order adds its own
/// source of counts on the orders side, and the reply keeps its five stages.
public enum OrdersCounts: MeshContract {
    public typealias Request = AccountRequest
    public static let service = ServiceName.orders
    public static let name = "orders.counts"

    /// `{"awaiting_payment","awaiting_shipment","awaiting_receipt","completed","after_sale"}`.
    public struct Reply: MeshMessage, Equatable {
        public var awaitingPayment: Int64
        public var awaitingShipment: Int64
        public var awaitingReceipt: Int64
        public var completed: Int64
        public var afterSale: Int64

        public init(
            awaitingPayment: Int64 = 0, awaitingShipment: Int64 = 0, awaitingReceipt: Int64 = 0, completed: Int64 = 0,
            afterSale: Int64 = 0
        ) {
            self.awaitingPayment = awaitingPayment
            self.awaitingShipment = awaitingShipment
            self.awaitingReceipt = awaitingReceipt
            self.completed = completed
            self.afterSale = afterSale
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            awaitingPayment = try fields.integer("awaiting_payment")
            awaitingShipment = try fields.integer("awaiting_shipment")
            awaitingReceipt = try fields.integer("awaiting_receipt")
            completed = try fields.integer("completed")
            afterSale = try fields.integer("after_sale")
        }

        public var json: JSONObject {
            [
                "awaiting_payment": .integer(awaitingPayment), "awaiting_shipment": .integer(awaitingShipment),
                "awaiting_receipt": .integer(awaitingReceipt), "completed": .integer(completed),
                "after_sale": .integer(afterSale),
            ]
        }

        /// The member centre's `orderStatusNums`: `"11"` to `"15"` in the order of the table above.
        public var statusNumbers: [(key: String, count: Int64)] {
            [
                ("11", awaitingPayment), ("12", awaitingShipment), ("13", awaitingReceipt), ("14", completed),
                ("15", afterSale),
            ]
        }
    }
}
