import JSON
import Mesh
import Postgres
import ServiceHarness
import Testing

@testable import OrdersService

/// `orders.counts` against stored recharges and phone top-ups in every state, through the orders
/// service's internal route as the user service calls it.
@Suite(.serialized)
struct OrderCountsTests {
    static let account: Int64 = 801
    static let other: Int64 = 802

    static func with(_ body: (InProcessMesh, PostgresPool) async throws -> Void) async throws {
        let orders = InProcessService(.orders, descriptor: OrdersService.descriptor, routes: OrdersService.routes)
        let environment = ["ORDERS_PAYMENTS_SWEEP_MS": "60000", "ORDERS_PHONE_TOPUP_SWEEP_MS": "600000"]
        try await InProcessMesh.with([orders], environment: environment) { mesh in
            guard let database = mesh.database(of: .orders) else { throw InProcessMeshError("no orders database") }
            try await body(mesh, database)
        }
    }

    /// A recharge trade of `account` in `state`; `expired` puts its deadline in the past, `refund` adds a
    /// refund of its payment in that state.
    static func recharge(
        _ database: PostgresPool, _ number: Int, account: Int64 = account, state: String, expired: Bool = false,
        refund: String? = nil
    ) async throws {
        let tradeNo = "2026120300000000" + String(1000 + number)
        let trade: Int64 = try await database.query(
            """
            INSERT INTO orders.trades (trade_no, business, business_ref, account_id, amount, provider, state,
                transaction_id, expires_at, paid_at, closed_at)
            VALUES (\(tradeNo), 'recharge', \(MobileRechargeOperations.businessRef(of: account)), \(account), 1000,
                'wechat', \(state), CASE WHEN \(state) = 'paid' THEN \("42000" + tradeNo) END,
                now() + CASE WHEN \(expired) THEN interval '-1 minute' ELSE interval '30 minutes' END,
                CASE WHEN \(state) = 'paid' THEN now() END, CASE WHEN \(state) = 'closed' THEN now() END)
            RETURNING id
            """)[0].decode("id")
        guard let refund else { return }
        try await database.execute(
            """
            WITH payment AS (
                INSERT INTO orders.trade_payments (trade_id, transaction_id, amount, disposition, provider)
                VALUES (\(trade), \("42000" + tradeNo), 1000, 'settled', 'wechat') RETURNING id)
            INSERT INTO orders.refunds (refund_no, payment_id, amount, state, settled_at)
            SELECT \("R" + tradeNo), id, 1000, \(refund), CASE WHEN \(refund) = 'pending' THEN NULL ELSE now() END
              FROM payment
            """)
    }

    /// A phone top-up of `account` in `state`, with the timestamps its state needs.
    static func topUp(_ database: PostgresPool, _ number: Int, account: Int64 = account, state: String) async throws {
        let paid = ["paid", "charging", "charged", "failed", "refunded"].contains(state)
        try await database.execute(
            """
            INSERT INTO orders.phone_topups (order_no, trade_no, account_id, phone, face_value, card_id, card_name,
                belong_area, purchase_price, sell_price, state, third_no, paid_at, charged_at, failed_at, refunded_at)
            VALUES (\("3700000000000000" + String(100 + number)), \("370000000000000000" + String(100 + number)),
                \(account), '15698566598', 20, '10674', '山西联通话费20元', '山西太原联通', 1996, 1996, \(state),
                CASE WHEN \(state) IN ('charging', 'charged') THEN \("J" + String(number)) END,
                CASE WHEN \(paid) THEN now() END, CASE WHEN \(state) = 'charged' THEN now() END,
                CASE WHEN \(state) IN ('failed', 'refunded') THEN now() END,
                CASE WHEN \(state) = 'refunded' THEN now() END)
            """)
    }

    static func counts(_ mesh: InProcessMesh, _ account: Int64) async throws -> OrdersCounts.Reply {
        let reply = try await mesh.internalCall(.orders, "orders.counts", ["account_id": .id(account)])
        #expect(reply.kind == .ok, "\(reply.message)")
        guard case .object(let data)? = reply.data else { throw InProcessMeshError("no counts: \(reply)") }
        return try OrdersCounts.Reply(json: data)
    }

    @Test func everyOrderCountsAtItsStage() async throws {
        try await Self.with { mesh, database in
            #expect(try await Self.counts(mesh, Self.account) == OrdersCounts.Reply())

            try await Self.recharge(database, 1, state: "created")
            try await Self.recharge(database, 2, state: "created")
            try await Self.recharge(database, 3, state: "created", expired: true)
            try await Self.recharge(database, 4, state: "closed", expired: true)
            try await Self.recharge(database, 5, state: "paid")
            try await Self.recharge(database, 6, state: "paid", expired: true)
            try await Self.recharge(database, 7, state: "paid", refund: "pending")
            try await Self.recharge(database, 8, state: "paid", refund: "succeeded")
            try await Self.recharge(database, 9, state: "paid", refund: "failed")
            try await Self.recharge(database, 10, account: Self.other, state: "created")

            for (number, state) in [
                "created", "declined", "paid", "charging", "charging", "charged", "failed", "refunded",
            ].enumerated() {
                try await Self.topUp(database, number, state: state)
            }
            try await Self.topUp(database, 20, account: Self.other, state: "charged")

            let counts = try await Self.counts(mesh, Self.account)
            #expect(
                counts
                    == OrdersCounts.Reply(
                        awaitingPayment: 2 + 1, awaitingShipment: 3, awaitingReceipt: 0, completed: 3 + 1,
                        afterSale: 2 + 2))
            #expect(
                try await Self.counts(mesh, Self.other)
                    == OrdersCounts.Reply(awaitingPayment: 1, completed: 1))
            let bad = try await mesh.internalCall(.orders, "orders.counts", ["account_id": "x"])
            #expect(bad.kind == .invalidParams)
        }
    }
}
