import Mesh
import Postgres

/// One kind of order's contribution to an account's `OrdersCounts`: how many of its orders stand at
/// each stage. A new kind of order (the points mall, O2O) adds a source; nothing else changes.
protocol OrderStageSource: Sendable {
    /// The account's orders of this kind, counted by stage (stages without orders may be left out).
    func stages(of account: Int64) async throws -> [(stage: OrderStage, count: Int64)]
}

/// Counts an account's orders over every kind of order (`sources`), one grouped read per kind.
struct OrderCounter: Sendable {
    let sources: [any OrderStageSource]

    /// The kinds of order that exist now: balance recharges, phone top-ups, O2O voucher orders and
    /// points-mall orders.
    init(database: PostgresPool) {
        self.init(sources: [
            RechargeStages(database: database), PhoneTopUpStages(database: database), O2OStages(database: database),
            PointsStages(database: database),
        ])
    }

    init(sources: [any OrderStageSource]) {
        self.sources = sources
    }

    func counts(of account: Int64) async throws -> OrdersCounts.Reply {
        var counts = OrdersCounts.Reply()
        for source in sources {
            for (stage, count) in try await source.stages(of: account) { counts.add(count, at: stage) }
        }
        return counts
    }
}

/// The member's balance recharges (`member/recharge`), by the state of their trades.
struct RechargeStages: OrderStageSource {
    let database: PostgresPool

    func stages(of account: Int64) async throws -> [(stage: OrderStage, count: Int64)] {
        let rows = try await database.query(
            """
            SELECT t.state, t.expires_at <= now() AS expired,
                   EXISTS (SELECT 1 FROM orders.trade_payments p JOIN orders.refunds r ON r.payment_id = p.id
                            WHERE p.trade_id = t.id AND r.state IN ('pending', 'succeeded')) AS refunded,
                   count(*) AS n
              FROM orders.trades t
             WHERE t.business = 'recharge' AND t.business_ref = \(MobileRechargeOperations.businessRef(of: account))
               AND t.account_id = \(account)
             GROUP BY 1, 2, 3
            """)
        return try rows.compactMap { row in
            guard let state = TradeState(rawValue: try row.decode("state")),
                let stage = OrderStage(
                    recharge: state, expired: try row.decode("expired"), refunded: try row.decode("refunded"))
            else { return nil }
            return (stage, try row.decode("n"))
        }
    }
}

/// The member's phone top-ups (`member/phonecharge`), by their state.
struct PhoneTopUpStages: OrderStageSource {
    let database: PostgresPool

    func stages(of account: Int64) async throws -> [(stage: OrderStage, count: Int64)] {
        let rows = try await database.query(
            "SELECT state, count(*) AS n FROM orders.phone_topups WHERE account_id = \(account) GROUP BY state")
        return try rows.compactMap { row in
            guard let state = PhoneTopUpState(rawValue: try row.decode("state")),
                let stage = OrderStage(phoneTopUp: state)
            else { return nil }
            return (stage, try row.decode("n"))
        }
    }
}

/// The member's O2O voucher orders, by their status.
struct O2OStages: OrderStageSource {
    let database: PostgresPool

    func stages(of account: Int64) async throws -> [(stage: OrderStage, count: Int64)] {
        let rows = try await database.query(
            "SELECT status, count(*) AS n FROM orders.o2o_orders WHERE account_id = \(account) GROUP BY status")
        return try rows.compactMap { row in
            guard let status = O2OOrderStatus(rawValue: try row.decode("status")), let stage = OrderStage(o2o: status)
            else { return nil }
            return (stage, try row.decode("n"))
        }
    }
}

/// The member's points-mall orders, by their state.
struct PointsStages: OrderStageSource {
    let database: PostgresPool

    func stages(of account: Int64) async throws -> [(stage: OrderStage, count: Int64)] {
        let rows = try await database.query(
            "SELECT state, count(*) AS n FROM orders.points_orders WHERE account_id = \(account) GROUP BY state")
        return try rows.compactMap { row in
            guard let state = PointsOrderState(rawValue: try row.decode("state")), let stage = OrderStage(points: state)
            else { return nil }
            return (stage, try row.decode("n"))
        }
    }
}
