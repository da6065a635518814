import Foundation
import Postgres

/// A refund of an O2O order's unused codes, as the document answers it: the money's refund in
/// `orders.refunds` tells where it stands (1 recorded, 2 accepted by WeChat Pay, 3 refunded, 4 failed)
/// and carries WeChat Pay's refund id once there is one.
struct O2ORefundRecord: Sendable, Equatable {
    static let columns = """
        o.id, o.order_id, o.refund_no, o.amount, o.created_at, greatest(o.updated_at, coalesce(r.settled_at, r.sent_at,
        o.updated_at)) AS updated_at, r.provider_refund_id, r.state, r.sent_at IS NOT NULL AS sent, x.order_no
        """
    static let joins = """
        orders.o2o_refunds o JOIN orders.refunds r ON r.refund_no = o.refund_no JOIN orders.o2o_orders x ON x.id = o.order_id
        """

    let id: Int64
    let orderID: Int64
    let orderNo: String
    let refundNo: String
    /// Fen.
    let amount: Int64
    let createdAt: Date
    let updatedAt: Date
    let providerRefundID: String?
    let status: Int64

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        orderID = try row.decode("order_id")
        orderNo = try row.decode("order_no")
        refundNo = try row.decode("refund_no")
        amount = try row.decode("amount")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        providerRefundID = try row.decode("provider_refund_id")
        let state: String = try row.decode("state")
        let sent: Bool = try row.decode("sent")
        status =
            switch state {
            case "succeeded": 3
            case "failed": 4
            default: sent ? 2 : 1
            }
    }
}
