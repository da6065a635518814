import Foundation
import Postgres

/// One verification code of a paid O2O order.
struct VoucherCode: Sendable, Equatable {
    static let columns = "id, order_id, verify_code, status"

    let id: Int64
    let orderID: Int64
    let code: String
    let status: VoucherCodeStatus

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        orderID = try row.decode("order_id")
        code = try row.decode("verify_code")
        guard let status = VoucherCodeStatus(rawValue: try row.decode("status")) else {
            throw TradeRecordBroken(tradeNo: code)
        }
        self.status = status
    }
}

/// An O2O voucher order as stored, with its codes (in issue order) once it is paid.
struct O2OOrderRecord: Sendable, Equatable {
    static let columns = """
        id, order_no, account_id, app_id, oper_id, oper_app_id, user_name, notify_mobile, merchant_id, merchant_name,
        goods_id, goods_name, goods_pic, goods_thumb_url, product_id, price, buy_number, pay_price, refund_price, status,
        trade_no, reservation_id, scene_id, pay_time, refund_time, created_at
        """

    let id: Int64
    let orderNo: String
    let accountID: Int64
    /// The mini-program the order was placed in.
    let appID: String
    let operID: Int64
    /// The mini-program of the goods' operations centre, where the order is paid.
    let operAppID: String
    let userName: String
    let notifyMobile: String
    let merchantID: Int64
    let merchantName: String
    let goodsID: Int64
    let goodsName: String
    let goodsPic: String
    let goodsThumbURL: String
    let productID: Int64
    /// Fen per unit.
    let price: Int64
    let buyNumber: Int64
    let payPrice: Int64
    let refundPrice: Int64
    let status: O2OOrderStatus
    let tradeNo: String
    /// Nil only between the order's insert and its stock reservation.
    let reservationID: Int64?
    let sceneID: String?
    let payTime: Date?
    let refundTime: Date?
    let createdAt: Date
    var codes: [VoucherCode] = []

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        orderNo = try row.decode("order_no")
        guard let status = O2OOrderStatus(rawValue: try row.decode("status")) else {
            throw TradeRecordBroken(tradeNo: orderNo)
        }
        self.status = status
        accountID = try row.decode("account_id")
        appID = try row.decode("app_id")
        operID = try row.decode("oper_id")
        operAppID = try row.decode("oper_app_id")
        userName = try row.decode("user_name")
        notifyMobile = try row.decode("notify_mobile")
        merchantID = try row.decode("merchant_id")
        merchantName = try row.decode("merchant_name")
        goodsID = try row.decode("goods_id")
        goodsName = try row.decode("goods_name")
        goodsPic = try row.decode("goods_pic")
        goodsThumbURL = try row.decode("goods_thumb_url")
        productID = try row.decode("product_id")
        price = try row.decode("price")
        buyNumber = try row.decode("buy_number")
        payPrice = try row.decode("pay_price")
        refundPrice = try row.decode("refund_price")
        tradeNo = try row.decode("trade_no")
        reservationID = try row.decode("reservation_id")
        sceneID = try row.decode("scene_id")
        payTime = try row.decode("pay_time")
        refundTime = try row.decode("refund_time")
        createdAt = try row.decode("created_at")
    }

    /// The order as its state machine sees it.
    var state: O2OOrderState { O2OOrderState(status: status, codes: codes.map(\.status)) }
}

/// What a new O2O order holds: the buyer, the goods as bought and the trade that pays it.
struct O2OOrderDraft: Sendable, Equatable {
    let orderNo: String
    let accountID: Int64
    let appID: String
    let operID: Int64
    let operAppID: String
    let userName: String
    let notifyMobile: String
    let merchantID: Int64
    let merchantName: String
    let goodsID: Int64
    let goodsName: String
    let goodsPic: String
    let goodsThumbURL: String
    let productID: Int64
    let price: Int64
    let buyNumber: Int64
    let tradeNo: String

    var payPrice: Int64 { price * buyNumber }
}
