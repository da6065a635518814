import Foundation
import Postgres

/// Why a trade cannot be paid now.
enum CheckoutRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// No such trade, or it is not the payer's.
    case unknownTrade
    case alreadyPaid
    /// Closed: its time ran out, or it was closed on request.
    case closed

    var description: String {
        switch self {
        case .unknownTrade: "there is no such trade of yours"
        case .alreadyPaid: "the trade is already paid"
        case .closed: "the trade is closed; create a new one"
        }
    }
}

extension TradeBook {
    /// The open trade `tradeNo` of `accountID` with `provider` chosen to pay it (the payer may change
    /// provider while it is unpaid; a payment through the other one is still accepted and the second
    /// refunded, as `TradeState` decides).
    func checkout(
        _ tradeNo: String, accountID: Int64, provider: PaymentProvider
    ) async throws -> Result<TradeRecord, CheckoutRefusal> {
        let rows = try await database.query(
            """
            UPDATE orders.trades SET provider = \(provider.rawValue)
             WHERE trade_no = \(tradeNo) AND account_id = \(accountID) AND state = 'created' AND expires_at > now()
            RETURNING \(unsafeSQL: TradeRecord.columns)
            """)
        if let row = rows.first { return .success(try TradeRecord(row: row)) }
        guard let trade = try await find(tradeNo), trade.accountID == accountID else { return .failure(.unknownTrade) }
        return .failure(trade.state == .paid ? .alreadyPaid : .closed)
    }

    /// Keeps the prepay id WeChat Pay's unified order gave for `tradeNo`, usable until `until`.
    func recordPrepay(_ prepayID: String, tradeNo: String, until: Date, appID: String) async throws {
        try await database.execute(
            """
            UPDATE orders.trades SET prepay_id = \(prepayID), prepared_until = \(until), prepay_app_id = \(appID)
             WHERE trade_no = \(tradeNo) AND state = 'created'
            """)
    }
}

extension TradeBook {
    /// Closes the unpaid trade `tradeNo` on request (its business was cancelled); a paid or closed trade is
    /// left as it is.
    func close(_ tradeNo: String) async throws {
        try await database.execute(
            "UPDATE orders.trades SET state = 'closed', closed_at = now() WHERE trade_no = \(tradeNo) AND state = 'created'"
        )
    }
}
