import Foundation
import Postgres

/// One acceptable journey of a train order: the day, the trains (a comma list) and the seats (a comma
/// list) the customer accepts, as the document's `ticketDetails` entries.
struct TrainTicketDetail: Sendable, Equatable {
    let seatType: String
    /// `yyyy-MM-dd`.
    let departureDate: String
    let trainNum: String
}

/// The ticket a merchant booked for an order: the 12306 order number, the train, carriage and seat, and
/// the price it paid in fen.
struct TrainTicket: Sendable, Equatable {
    let number: String
    let seat: String
    let price: Int64
}

/// A train order as stored, with its journeys.
struct TrainOrderRecord: Sendable, Equatable {
    static let columns = """
        id, order_no, account_id, ticket_identity, ticket_name, identity_type, linkman_type, from_site, to_site,
        order_amount, status, resume_status, trade_no, merchant_id, created_at, modified_at, grabbed_at, ticket_no,
        ticket_seat, ticket_price, audit_note
        """

    let id: Int64
    let orderNo: String
    let accountID: Int64
    let ticketIdentity: String
    let ticketName: String
    let identityType: String
    let linkmanType: String
    let fromSite: String
    let toSite: String
    let amount: Int64
    let state: TrainOrderState
    let resumeState: TrainOrderState?
    let tradeNo: String
    let merchantID: Int64?
    let createdAt: Date
    let modifiedAt: Date
    let grabbedAt: Date?
    /// The ticket the merchant submitted, once it did.
    let ticket: TrainTicket?
    let auditNote: String
    var details: [TrainTicketDetail] = []

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        orderNo = try row.decode("order_no")
        guard let state = TrainOrderState(rawValue: try row.decode("status")) else {
            throw TradeRecordBroken(tradeNo: orderNo)
        }
        self.state = state
        resumeState = try row.decode("resume_status", as: String?.self).flatMap(TrainOrderState.init(rawValue:))
        accountID = try row.decode("account_id")
        ticketIdentity = try row.decode("ticket_identity")
        ticketName = try row.decode("ticket_name")
        identityType = try row.decode("identity_type")
        linkmanType = try row.decode("linkman_type")
        fromSite = try row.decode("from_site")
        toSite = try row.decode("to_site")
        amount = try row.decode("order_amount")
        tradeNo = try row.decode("trade_no")
        merchantID = try row.decode("merchant_id")
        createdAt = try row.decode("created_at")
        modifiedAt = try row.decode("modified_at")
        grabbedAt = try row.decode("grabbed_at")
        auditNote = try row.decode("audit_note")
        if let number = try row.decode("ticket_no", as: String?.self) {
            ticket = TrainTicket(
                number: number, seat: try row.decode("ticket_seat") ?? "", price: try row.decode("ticket_price") ?? 0)
        } else {
            ticket = nil
        }
    }
}
