import Mesh
import Postgres

/// A top-up order as stored: its numbers (ours `37…`, 19 digits; the balance payment's, 21 digits; the
/// provider's once it took the order), its owner, the phone and product, the prices in fen and its
/// state.
struct PhoneTopUpRecord: Sendable, Equatable {
    static let columns = """
        id, order_no, trade_no, account_id, phone, face_value, card_id, card_name, belong_area, purchase_price, \
        sell_price, state, third_no, failure_reason
        """

    let id: Int64
    let orderNo: String
    let tradeNo: String
    let accountID: Int64
    let phone: String
    let faceValue: FaceValue
    let cardID: String
    let cardName: String
    let belongArea: String
    let purchasePrice: Int64
    let sellPrice: Int64
    let state: PhoneTopUpState
    let thirdNo: String?
    let failureReason: String?

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        orderNo = try row.decode("order_no")
        let stateText: String = try row.decode("state")
        let faceText = String(try row.decode("face_value", as: Int64.self))
        guard let state = PhoneTopUpState(rawValue: stateText), let faceValue = FaceValue(faceText) else {
            throw PhoneTopUpRecordBroken(orderNo: orderNo)
        }
        self.state = state
        self.faceValue = faceValue
        tradeNo = try row.decode("trade_no")
        accountID = try row.decode("account_id")
        phone = try row.decode("phone")
        cardID = try row.decode("card_id")
        cardName = try row.decode("card_name")
        belongArea = try row.decode("belong_area")
        purchasePrice = try row.decode("purchase_price")
        sellPrice = try row.decode("sell_price")
        thirdNo = try row.decode("third_no")
        failureReason = try row.decode("failure_reason")
    }

    /// The wallet debit that pays this order; the same request every time, so a replay under the
    /// order's key answers the first outcome.
    var debit: WalletMovementRequest {
        WalletMovementRequest(
            accountID: accountID, amount: sellPrice, reference: orderNo, reason: "话费充值 \(phone) \(faceValue.yuan)元")
    }

    /// The wallet credit that gives a failed order's debit back.
    var refund: WalletMovementRequest {
        WalletMovementRequest(
            accountID: accountID, amount: sellPrice, reference: orderNo,
            reason: "话费充值失败退款 \(phone) \(faceValue.yuan)元")
    }

    /// The idempotency key of the debit: `phone-<order number>`.
    var debitKey: String { "phone-\(orderNo)" }
    /// The idempotency key of the refund: `phone-refund-<order number>`.
    var refundKey: String { "phone-refund-\(orderNo)" }
}

/// A stored order holds a state or face value this code does not know: the table was changed by
/// something else.
struct PhoneTopUpRecordBroken: Error, Sendable, CustomStringConvertible {
    let orderNo: String

    var description: String { "phone top-up \(orderNo) has a state or face value this service does not know" }
}
