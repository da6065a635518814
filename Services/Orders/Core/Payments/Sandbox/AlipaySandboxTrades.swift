import Crypto
import Foundation
import Postgres
import ServiceKit

/// A trade as the Alipay simulator keeps it (`orders.sandbox_alipay_trades`): Alipay's 28-digit trade
/// number, the app's `out_trade_no`, the amount in fen, what the page-pay request asked, and where it
/// stands (Alipay's `trade_status`).
struct AlipaySandboxTrade: Sendable, Equatable {
    static let columns = """
        trade_no, app_id, out_trade_no, total_amount, subject, notify_url, return_url, time_expire, state, buyer_id,
        refunded, created_at, paid_at, closed_at
        """

    let tradeNo: String
    let appID: String
    let outTradeNo: String
    let totalAmount: Int64
    let subject: String
    let notifyURL: String
    let returnURL: String
    let timeExpire: Date?
    let state: String
    let buyerID: String?
    let refunded: Int64
    let createdAt: Date
    let paidAt: Date?
    let closedAt: Date?

    init(row: PostgresRow) throws {
        tradeNo = try row.decode("trade_no")
        appID = try row.decode("app_id")
        outTradeNo = try row.decode("out_trade_no")
        totalAmount = try row.decode("total_amount")
        subject = try row.decode("subject")
        notifyURL = try row.decode("notify_url")
        returnURL = try row.decode("return_url")
        timeExpire = try row.decode("time_expire")
        state = try row.decode("state")
        buyerID = try row.decode("buyer_id")
        refunded = try row.decode("refunded")
        createdAt = try row.decode("created_at")
        paidAt = try row.decode("paid_at")
        closedAt = try row.decode("closed_at")
    }

    var isPaid: Bool { state == "TRADE_SUCCESS" || state == "TRADE_FINISHED" }
}

/// Why the simulator refuses a request, as Alipay answers: `40002` for a request it cannot accept
/// (`isv.*`), `40004` for a business refusal (`ACQ.*`), with the sub code and its words.
struct AlipaySandboxProblem: Error, Sendable, Equatable {
    let code: String
    let subCode: String
    let message: String

    static func invalid(_ subCode: String, _ message: String) -> AlipaySandboxProblem {
        AlipaySandboxProblem(code: "40002", subCode: subCode, message: message)
    }

    static func business(_ subCode: String, _ message: String) -> AlipaySandboxProblem {
        AlipaySandboxProblem(code: "40004", subCode: subCode, message: message)
    }

    static let notFound = business("ACQ.TRADE_NOT_EXIST", "交易不存在")
    static let closed = business("ACQ.TRADE_HAS_CLOSE", "交易已关闭")

    /// Alipay's `msg` for the code.
    var summary: String { code == "40002" ? "Invalid Arguments" : "Business Failed" }
}

/// What the payer did on the simulated cashier.
enum AlipaySandboxOutcome: String, Sendable, CaseIterable {
    /// Paid: `TRADE_SUCCESS`.
    case pay
    /// Gave up or the payment failed: the trade closes (`TRADE_CLOSED`).
    case fail
}

/// The Alipay simulator's trades and refunds. Each change happens on the trade's locked row, and the
/// notification it causes is queued (`SandboxCourier.post`) in the same transaction, so a change is
/// announced exactly once.
struct AlipaySandboxTrades: Sendable {
    let database: PostgresPool

    /// What a page-pay request asks for.
    struct Opening: Sendable {
        let appID: String
        let outTradeNo: String
        let totalAmount: Int64
        let subject: String
        let notifyURL: String
        let returnURL: String
        let timeExpire: Date?
    }

    /// The trade of `opening`, recorded the first time; the same `out_trade_no` again with another amount
    /// or subject is refused (`ACQ.CONTEXT_INCONSISTENT`), as Alipay refuses it.
    func open(_ opening: Opening, now: Date = Date()) async throws -> Result<AlipaySandboxTrade, AlipaySandboxProblem> {
        while true {
            let tradeNo = Self.tradeNumber(now)
            try await database.execute(
                """
                INSERT INTO orders.sandbox_alipay_trades
                       (trade_no, app_id, out_trade_no, total_amount, subject, notify_url, return_url, time_expire)
                VALUES (\(tradeNo), \(opening.appID), \(opening.outTradeNo), \(opening.totalAmount), \(opening.subject),
                        \(opening.notifyURL), \(opening.returnURL), \(opening.timeExpire))
                ON CONFLICT DO NOTHING
                """)
            guard let trade = try await find(appID: opening.appID, outTradeNo: opening.outTradeNo) else { continue }
            guard trade.totalAmount == opening.totalAmount, trade.subject == opening.subject else {
                return .failure(.business("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改"))
            }
            return .success(try await closeIfExpired(trade))
        }
    }

    func find(appID: String, outTradeNo: String) async throws -> AlipaySandboxTrade? {
        try await database.query(
            """
            SELECT \(unsafeSQL: AlipaySandboxTrade.columns) FROM orders.sandbox_alipay_trades
             WHERE app_id = \(appID) AND out_trade_no = \(outTradeNo)
            """
        ).first.map(AlipaySandboxTrade.init(row:))
    }

    func find(tradeNo: String) async throws -> AlipaySandboxTrade? {
        try await database.query(
            "SELECT \(unsafeSQL: AlipaySandboxTrade.columns) FROM orders.sandbox_alipay_trades WHERE trade_no = \(tradeNo)"
        ).first.map(AlipaySandboxTrade.init(row:))
    }

    /// Applies the payer's `outcome` to a waiting trade and queues the notification `letter` makes of the
    /// changed trade (nil: none). A trade past its `time_expire` closes instead of being paid (read the
    /// answer's state); the same outcome again changes nothing and sends nothing (`changed` false).
    func settle(
        tradeNo: String, outcome: AlipaySandboxOutcome,
        letter: @escaping @Sendable (AlipaySandboxTrade) throws -> SandboxLetter?
    ) async throws -> Result<(trade: AlipaySandboxTrade, changed: Bool), AlipaySandboxProblem> {
        try await database.transaction(refusing: AlipaySandboxProblem.self) { transaction in
            guard let trade = try await Self.lock(tradeNo, on: transaction) else { return .failure(.notFound) }
            switch (trade.state, outcome) {
            case ("WAIT_BUYER_PAY", _):
                break
            case ("TRADE_SUCCESS", .pay), ("TRADE_FINISHED", .pay), ("TRADE_CLOSED", .fail):
                return .success((trade, false))
            case ("TRADE_CLOSED", .pay):
                return .failure(.closed)
            default:
                return .failure(.business("ACQ.TRADE_HAS_SUCCESS", "交易已支付"))
            }
            let expired = trade.timeExpire.map { $0 <= Date() } ?? false
            let rows: PostgresRows
            if outcome == .pay && !expired {
                rows = try await transaction.query(
                    """
                    UPDATE orders.sandbox_alipay_trades
                       SET state = 'TRADE_SUCCESS', paid_at = now(), buyer_id = \("2088" + SecureRandom.digits(12))
                     WHERE trade_no = \(tradeNo)
                    RETURNING \(unsafeSQL: AlipaySandboxTrade.columns)
                    """)
            } else {
                rows = try await transaction.query(
                    """
                    UPDATE orders.sandbox_alipay_trades SET state = 'TRADE_CLOSED', closed_at = now()
                     WHERE trade_no = \(tradeNo)
                    RETURNING \(unsafeSQL: AlipaySandboxTrade.columns)
                    """)
            }
            let changed = try AlipaySandboxTrade(row: rows[0])
            if let letter = try letter(changed) { try await SandboxCourier.post(letter, on: transaction) }
            return .success((changed, true))
        }
    }

    /// `alipay.trade.close`: a waiting trade closes; a closed one stays closed; a paid one is refused.
    func close(appID: String, outTradeNo: String) async throws -> Result<AlipaySandboxTrade, AlipaySandboxProblem> {
        try await database.transaction(refusing: AlipaySandboxProblem.self) { transaction in
            guard let found = try await find(appID: appID, outTradeNo: outTradeNo),
                let trade = try await Self.lock(found.tradeNo, on: transaction)
            else { return .failure(.notFound) }
            guard !trade.isPaid else { return .failure(.business("ACQ.TRADE_STATUS_ERROR", "交易状态不合法")) }
            guard trade.state == "WAIT_BUYER_PAY" else { return .success(trade) }
            let rows = try await transaction.query(
                """
                UPDATE orders.sandbox_alipay_trades SET state = 'TRADE_CLOSED', closed_at = now()
                 WHERE trade_no = \(trade.tradeNo)
                RETURNING \(unsafeSQL: AlipaySandboxTrade.columns)
                """)
            return .success(try AlipaySandboxTrade(row: rows[0]))
        }
    }

    /// `alipay.trade.refund`: `amount` fen of a paid trade given back under `requestNo`, once per
    /// request number (the same request again changes nothing: `fundChanged` false); the refunds never
    /// exceed the amount paid, and a trade refunded in full closes.
    func refund(
        appID: String, outTradeNo: String, requestNo: String, amount: Int64, reason: String
    ) async throws -> Result<(trade: AlipaySandboxTrade, fundChanged: Bool), AlipaySandboxProblem> {
        try await database.transaction(refusing: AlipaySandboxProblem.self) { transaction in
            guard let found = try await find(appID: appID, outTradeNo: outTradeNo),
                let trade = try await Self.lock(found.tradeNo, on: transaction)
            else { return .failure(.notFound) }
            let earlier = try await transaction.query(
                """
                SELECT refund_amount FROM orders.sandbox_alipay_refunds
                 WHERE trade_no = \(trade.tradeNo) AND out_request_no = \(requestNo)
                """)
            if let row = earlier.first {
                guard try row.decode("refund_amount", as: Int64.self) == amount else {
                    return .failure(.business("ACQ.REQUEST_AMOUNT_EXCEED", "请求退款金额与原请求不一致"))
                }
                return .success((trade, false))
            }
            guard trade.state == "TRADE_SUCCESS" else {
                return .failure(
                    trade.state == "TRADE_FINISHED"
                        ? .business("ACQ.TRADE_HAS_FINISHED", "交易已完结") : .business("ACQ.TRADE_STATUS_ERROR", "交易状态不合法"))
            }
            guard amount <= trade.totalAmount - trade.refunded else {
                return .failure(.business("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限"))
            }
            try await transaction.execute(
                """
                INSERT INTO orders.sandbox_alipay_refunds (trade_no, out_request_no, refund_amount, reason)
                VALUES (\(trade.tradeNo), \(requestNo), \(amount), \(reason))
                """)
            let rows = try await transaction.query(
                """
                UPDATE orders.sandbox_alipay_trades
                   SET refunded = refunded + \(amount),
                       state = CASE WHEN refunded + \(amount) = total_amount THEN 'TRADE_CLOSED' ELSE state END,
                       closed_at = CASE WHEN refunded + \(amount) = total_amount THEN now() ELSE closed_at END
                 WHERE trade_no = \(trade.tradeNo)
                RETURNING \(unsafeSQL: AlipaySandboxTrade.columns)
                """)
            return .success((try AlipaySandboxTrade(row: rows[0]), true))
        }
    }

    /// A waiting trade past its `time_expire` closed, as Alipay closes it then; any other as it is.
    func closeIfExpired(_ trade: AlipaySandboxTrade) async throws -> AlipaySandboxTrade {
        guard trade.state == "WAIT_BUYER_PAY", let expiry = trade.timeExpire, expiry <= Date() else { return trade }
        let rows = try await database.query(
            """
            UPDATE orders.sandbox_alipay_trades SET state = 'TRADE_CLOSED', closed_at = now()
             WHERE trade_no = \(trade.tradeNo) AND state = 'WAIT_BUYER_PAY'
            RETURNING \(unsafeSQL: AlipaySandboxTrade.columns)
            """)
        return try rows.first.map(AlipaySandboxTrade.init(row:)) ?? trade
    }

    private static func lock(_ tradeNo: String, on transaction: PostgresTransaction) async throws -> AlipaySandboxTrade?
    {
        try await transaction.query(
            """
            SELECT \(unsafeSQL: AlipaySandboxTrade.columns) FROM orders.sandbox_alipay_trades
             WHERE trade_no = \(tradeNo) FOR UPDATE
            """
        ).first.map(AlipaySandboxTrade.init(row:))
    }

    /// A trade number as Alipay writes one: the day, `22001` and 15 random digits (28 digits).
    static func tradeNumber(_ now: Date) -> String {
        String(DisplayTime.china.day(of: now).filter(\.isNumber)) + "22001" + SecureRandom.digits(15)
    }
}
