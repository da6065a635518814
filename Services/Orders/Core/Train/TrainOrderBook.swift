import Crypto
import Foundation
import JSON
import Postgres
import ServiceKit

/// What a customer orders: the passenger, the route, the journeys and the amount in fen.
struct TrainOrderDraft: Sendable, Equatable {
    let accountID: Int64
    let ticketIdentity: String
    let ticketName: String
    let fromSite: String
    let toSite: String
    let details: [TrainTicketDetail]
    let amount: Int64
}

/// Train orders in `orders.train_orders`: created with their journeys and a history row, read by their
/// owner, and moved only as `TrainOrderState` decides, on the order's locked row, with a history row per
/// change in the same transaction.
struct TrainOrderBook: Sendable {
    let database: PostgresPool

    /// A new order number in the document's 22-digit form: `88`, the time to the second (`yyMMddHHmmss`)
    /// and eight random digits.
    static func orderNumber(_ now: Date = Date()) -> String {
        let stamp = String(DisplayTime.china.format(now).filter(\.isNumber).dropFirst(2))
        return "88" + stamp + SecureRandom.digits(8)
    }

    /// Stores `draft` as order `orderNo`, paid by trade `tradeNo`, waiting for its payment; nil when another
    /// order drew the same number in the same second (draw again).
    func create(_ draft: TrainOrderDraft, orderNo: String, tradeNo: String) async throws -> TrainOrderRecord? {
        try await database.transaction { transaction in
            let rows = try await transaction.query(
                """
                INSERT INTO orders.train_orders
                       (order_no, account_id, ticket_identity, ticket_name, from_site, to_site, order_amount, trade_no)
                VALUES (\(orderNo), \(draft.accountID), \(draft.ticketIdentity), \(draft.ticketName), \(draft.fromSite),
                        \(draft.toSite), \(draft.amount), \(tradeNo))
                ON CONFLICT (order_no) DO NOTHING
                RETURNING \(unsafeSQL: TrainOrderRecord.columns)
                """)
            guard let row = rows.first else { return nil }
            var order = try TrainOrderRecord(row: row)
            for (index, detail) in draft.details.enumerated() {
                try await transaction.execute(
                    """
                    INSERT INTO orders.train_order_details (order_id, position, seat_type, departure_date, train_num)
                    VALUES (\(order.id), \(index + 1), \(detail.seatType), \(detail.departureDate)::date, \(detail.trainNum))
                    """)
            }
            try await transaction.execute(
                """
                INSERT INTO orders.train_order_history (order_id, from_status, to_status, actor)
                VALUES (\(order.id), NULL, 'wait_pay', \("customer:\(draft.accountID)"))
                """)
            order.details = draft.details
            return order
        }
    }

    /// The order `id` (or, when `id` is nil, `orderNo`) of `accountID`; nil when absent or someone else's.
    func find(id: Int64?, orderNo: String? = nil, accountID: Int64) async throws -> TrainOrderRecord? {
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: TrainOrderRecord.columns) FROM orders.train_orders
             WHERE account_id = \(accountID) AND (id = \(id) OR (\(id) IS NULL AND order_no = \(orderNo)))
            """)
        guard let row = rows.first else { return nil }
        return try await withDetails([try TrainOrderRecord(row: row)])[0]
    }

    /// The order `id` or `orderNo`, whoever owns it (for the platform's own work).
    func find(id: Int64? = nil, orderNo: String? = nil) async throws -> TrainOrderRecord? {
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: TrainOrderRecord.columns) FROM orders.train_orders
             WHERE id = \(id) OR (\(id) IS NULL AND order_no = \(orderNo))
            """)
        guard let row = rows.first else { return nil }
        return try await withDetails([try TrainOrderRecord(row: row)])[0]
    }

    /// What the platform searches train orders by; every criterion given must hold.
    struct Search: Sendable, Equatable {
        var passenger: String?
        var merchantID: Int64?
        var state: TrainOrderState?
    }

    /// Page `page` of the orders matching `search` (the passenger's name or whole identity number, the
    /// merchant, the state), newest first, and how many match.
    func search(_ search: Search, page: Int, size: Int) async throws -> (total: Int64, orders: [TrainOrderRecord]) {
        let passenger = search.passenger
        let merchant = search.merchantID
        let state = search.state?.rawValue
        let total = try await database.query(
            """
            SELECT count(*) AS n FROM orders.train_orders
             WHERE (\(passenger)::text IS NULL OR ticket_name = \(passenger) OR ticket_identity = upper(\(passenger)))
               AND (\(merchant)::bigint IS NULL OR merchant_id = \(merchant))
               AND (\(state)::text IS NULL OR status = \(state))
            """)[0].decode("n", as: Int64.self)
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: TrainOrderRecord.columns) FROM orders.train_orders
             WHERE (\(passenger)::text IS NULL OR ticket_name = \(passenger) OR ticket_identity = upper(\(passenger)))
               AND (\(merchant)::bigint IS NULL OR merchant_id = \(merchant))
               AND (\(state)::text IS NULL OR status = \(state))
             ORDER BY id DESC LIMIT \(size) OFFSET \((page - 1) * size)
            """)
        return (total, try await withDetails(rows.map(TrainOrderRecord.init(row:))))
    }

    /// The changes of order `id`, oldest first.
    func history(of id: Int64) async throws -> [JSONValue] {
        try await database.query(
            """
            SELECT from_status, to_status, actor, note, at FROM orders.train_order_history
             WHERE order_id = \(id) ORDER BY id
            """
        ).map { row in
            [
                "from": try row.decode("from_status", as: String?.self).map(JSONValue.string) ?? .null,
                "to": .string(try row.decode("to_status")), "actor": .string(try row.decode("actor")),
                "note": .string(try row.decode("note")), "at": .string(DisplayTime.china.format(try row.decode("at"))),
            ]
        }
    }

    /// Orders under refund review whose approved refund the provider made: they become `returned_amount`.
    @discardableResult
    func completeRefunds(limit: Int) async throws -> Int {
        let rows = try await database.query(
            """
            SELECT o.id FROM orders.train_orders o
              JOIN orders.refunds r ON r.refund_no = 'return-' || o.order_no AND r.state = 'succeeded'
             WHERE o.status = 'returned_audit' ORDER BY o.id LIMIT \(limit)
            """)
        var completed = 0
        for row in rows {
            if case .success = try await apply(.refunded, toOrder: try row.decode("id"), actor: "refund") {
                completed += 1
            }
        }
        return completed
    }

    /// Page `page` of the orders waiting for a merchant, newest first, narrowed to a day and stations
    /// when given, and how many there are.
    func waiting(
        page: Int, size: Int, day: String?, from: String?, to: String?
    ) async throws -> (total: Int64, orders: [TrainOrderRecord]) {
        let total = try await database.query(
            """
            SELECT count(*) AS n FROM orders.train_orders o
             WHERE o.status = 'wait_rob' AND (\(from)::text IS NULL OR o.from_site = \(from))
               AND (\(to)::text IS NULL OR o.to_site = \(to))
               AND (\(day)::text IS NULL OR EXISTS (SELECT 1 FROM orders.train_order_details d
                                                  WHERE d.order_id = o.id AND d.departure_date = \(day)::date))
            """)[0].decode("n", as: Int64.self)
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: TrainOrderRecord.columns) FROM orders.train_orders o
             WHERE o.status = 'wait_rob' AND (\(from)::text IS NULL OR o.from_site = \(from))
               AND (\(to)::text IS NULL OR o.to_site = \(to))
               AND (\(day)::text IS NULL OR EXISTS (SELECT 1 FROM orders.train_order_details d
                                                  WHERE d.order_id = o.id AND d.departure_date = \(day)::date))
             ORDER BY o.id DESC LIMIT \(size) OFFSET \((page - 1) * size)
            """)
        return (total, try await withDetails(rows.map(TrainOrderRecord.init(row:))))
    }

    /// Page `page` of the orders merchant `merchantID` holds or held, newest first, and how many there are.
    func held(by merchantID: Int64, page: Int, size: Int) async throws -> (total: Int64, orders: [TrainOrderRecord]) {
        let total = try await database.query(
            "SELECT count(*) AS n FROM orders.train_orders WHERE merchant_id = \(merchantID)"
        )[0].decode("n", as: Int64.self)
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: TrainOrderRecord.columns) FROM orders.train_orders WHERE merchant_id = \(merchantID)
             ORDER BY id DESC LIMIT \(size) OFFSET \((page - 1) * size)
            """)
        return (total, try await withDetails(rows.map(TrainOrderRecord.init(row:))))
    }

    /// Orders whose merchant did not submit a ticket within `window`: they wait for a merchant again.
    @discardableResult
    func releaseOverdue(window: Duration, limit: Int) async throws -> Int {
        let rows = try await database.query(
            """
            SELECT id FROM orders.train_orders
             WHERE status = 'robing' AND grabbed_at < now() - make_interval(secs => \(Double(window.components.seconds)))
             ORDER BY grabbed_at LIMIT \(limit)
            """)
        var released = 0
        for row in rows {
            if case .success = try await apply(.released, toOrder: try row.decode("id"), actor: "booking window") {
                released += 1
            }
        }
        return released
    }

    /// The order paid by trade `tradeNo`.
    func find(tradeNo: String) async throws -> TrainOrderRecord? {
        try await database.query(
            "SELECT \(unsafeSQL: TrainOrderRecord.columns) FROM orders.train_orders WHERE trade_no = \(tradeNo)"
        ).first.map(TrainOrderRecord.init(row:))
    }

    /// Page `page` (from 1) of `size` of the orders of `accountID`, newest first, and how many there are.
    func page(accountID: Int64, page: Int, size: Int) async throws -> (total: Int64, orders: [TrainOrderRecord]) {
        let total = try await database.query(
            "SELECT count(*) AS n FROM orders.train_orders WHERE account_id = \(accountID)"
        )[0].decode("n", as: Int64.self)
        let rows = try await database.query(
            """
            SELECT \(unsafeSQL: TrainOrderRecord.columns) FROM orders.train_orders WHERE account_id = \(accountID)
             ORDER BY id DESC LIMIT \(size) OFFSET \((page - 1) * size)
            """)
        return (total, try await withDetails(rows.map(TrainOrderRecord.init(row:))))
    }

    /// Moves order `id` with `event` as the state machine decides, recording `actor` (and `note`) in the
    /// history; `merchantID` is the merchant taking the order on a grab.
    func apply(
        _ event: TrainOrderState.Event, toOrder id: Int64, actor: String, note: String = "", merchantID: Int64? = nil,
        ticket: TrainTicket? = nil, rateBasisPoints: Int64? = nil, confirmWindow: Duration? = nil
    ) async throws -> Result<(order: TrainOrderRecord, decision: TrainOrderState.Decision), TrainOrderState.Refusal> {
        try await database.transaction { transaction in
            let rows = try await transaction.query(
                "SELECT \(unsafeSQL: TrainOrderRecord.columns) FROM orders.train_orders WHERE id = \(id) FOR UPDATE")
            let order = try TrainOrderRecord(row: rows[0])
            let decision: TrainOrderState.Decision
            switch order.state.apply(event, resume: order.resumeState) {
            case .success(let made): decision = made
            case .failure(let refusal): return .failure(refusal)
            }
            let resume: TrainOrderState? =
                event == .refundAsked ? order.state : (decision.next.isRefundFlow ? order.resumeState : nil)
            let merchant: Int64? =
                decision.effects.contains(.dropMerchant) ? nil : (event == .grabbed ? merchantID : order.merchantID)
            let grabbed: Date? = merchant == nil ? nil : (event == .grabbed ? Date() : order.grabbedAt)
            let submitted = event == .ticketSubmitted ? ticket : order.ticket
            let deadline: Date? =
                event == .auditPassed
                ? Date().addingTimeInterval(Double(confirmWindow?.components.seconds ?? 86_400)) : nil
            let updated = try await transaction.query(
                """
                UPDATE orders.train_orders SET status = \(decision.next.rawValue), resume_status = \(resume?.rawValue),
                       confirm_deadline = \(deadline),
                       merchant_id = \(merchant), grabbed_at = \(grabbed), ticket_no = \(submitted?.number),
                       ticket_seat = \(submitted?.seat), ticket_price = \(submitted?.price),
                       audit_note = \(event == .auditRejected ? note : order.auditNote), modified_at = now()
                 WHERE id = \(id)
                RETURNING \(unsafeSQL: TrainOrderRecord.columns)
                """)
            if event == .refundRejected {
                try await transaction.execute(
                    """
                    INSERT INTO orders.train_order_history (order_id, from_status, to_status, actor, note)
                    VALUES (\(id), \(order.state.rawValue), 'returned_return', \(actor), \(note))
                    """)
            }
            let from = event == .refundRejected ? TrainOrderState.returnedReturn : order.state
            if from != decision.next || event == .refundRejected {
                try await transaction.execute(
                    """
                    INSERT INTO orders.train_order_history (order_id, from_status, to_status, actor, note)
                    VALUES (\(id), \(from.rawValue), \(decision.next.rawValue), \(actor), \(note))
                    """)
            }
            if decision.effects.contains(.settle) {
                guard let merchant = order.merchantID, let ticket = order.ticket, let rateBasisPoints else {
                    throw TrainSettlementMissing(orderNo: order.orderNo)
                }
                let terms = TrainSettlementTerms(
                    orderAmount: order.amount, ticketPrice: ticket.price, rateBasisPoints: rateBasisPoints)
                try await transaction.execute(
                    """
                    INSERT INTO orders.train_settlements (order_id, merchant_id, order_amount, benefit_rate_bp,
                                                          merchant_share, platform_share, customer_difference)
                    VALUES (\(id), \(merchant), \(order.amount), \(rateBasisPoints), \(terms.merchantShare),
                            \(terms.platformShare), \(terms.customerDifference))
                    """)
                try await transaction.execute(
                    """
                    INSERT INTO orders.platform_ledger (kind, reference, amount)
                    VALUES ('train_commission', \("train-\(order.orderNo)"), \(terms.platformShare))
                    """)
            }
            var after = try TrainOrderRecord(row: updated[0])
            after.details = order.details
            return .success((after, decision))
        }
    }

    private func withDetails(_ orders: [TrainOrderRecord]) async throws -> [TrainOrderRecord] {
        guard !orders.isEmpty else { return [] }
        let ids = orders.map { String($0.id) }.joined(separator: ",")
        let rows = try await database.query(
            """
            SELECT order_id, seat_type, to_char(departure_date, 'YYYY-MM-DD') AS day, train_num
              FROM orders.train_order_details WHERE order_id = ANY (string_to_array(\(ids), ',')::bigint[])
             ORDER BY order_id, position
            """)
        var details: [Int64: [TrainTicketDetail]] = [:]
        for row in rows {
            details[try row.decode("order_id"), default: []].append(
                TrainTicketDetail(
                    seatType: try row.decode("seat_type"), departureDate: try row.decode("day"),
                    trainNum: try row.decode("train_num")))
        }
        return orders.map { order in
            var filled = order
            filled.details = details[order.id] ?? []
            return filled
        }
    }
}

extension TrainOrderState {
    /// The states of a refund request, which keep the state it interrupted.
    var isRefundFlow: Bool { self == .returningAmount || self == .returnedAudit }
}

/// A confirmation reached the settlement without the merchant, its ticket or its benefit rate.
struct TrainSettlementMissing: Error, Sendable, CustomStringConvertible {
    let orderNo: String

    var description: String { "order \(orderNo) cannot be settled: its merchant, ticket or benefit rate is missing" }
}
