import Crypto
import Foundation
import Postgres
import ServiceKit

/// An order the simulator took, as stored in `orders.juhe_sandbox_orders`.
struct JuheSandboxOrder: Sendable, Equatable {
    let orderID: String
    let sporderID: String
    let orderCash: Int64
    /// Juhe's `game_state`: 0 charging, 1 charged, 9 failed.
    let gameState: Int

    init(row: PostgresRow) throws {
        orderID = try row.decode("order_id")
        sporderID = try row.decode("sporder_id")
        orderCash = try row.decode("order_cash")
        gameState = Int(try row.decode("game_state", as: Int64.self))
    }
}

/// What the simulator is asked to take.
struct JuheSandboxDraft: Sendable, Equatable {
    let orderID: String
    let phone: String
    let cardID: String
    let faceValue: FaceValue
    let orderCash: Int64
    let fails: Bool
}

/// The simulator's orders, kept in their own table: an order is charging until `delay` has passed
/// since it was taken, then settles, charged or (for the numbers the simulator fails) failed, the
/// first time it is asked about after that.
struct JuheSandboxOrders: Sendable {
    static let columns = "order_id, sporder_id, order_cash, game_state"

    let database: PostgresPool
    let delay: Duration

    /// Takes a new order, with a fresh Juhe-style number (`J` + 18 digits); nil when `orderID` was
    /// taken before.
    func take(_ draft: JuheSandboxDraft, now: Date = Date()) async throws -> JuheSandboxOrder? {
        let stamp = String(DisplayTime.china.format(now).filter(\.isNumber).dropFirst(2))
        let rows = try await database.query(
            """
            INSERT INTO orders.juhe_sandbox_orders (order_id, sporder_id, phone, card_id, card_num, order_cash, fails)
            VALUES (\(draft.orderID), \("J" + stamp + SecureRandom.digits(6)), \(draft.phone), \(draft.cardID),
                    \(draft.faceValue.yuan), \(draft.orderCash), \(draft.fails))
            ON CONFLICT (order_id) DO NOTHING
            RETURNING \(unsafeSQL: Self.columns)
            """)
        return try rows.first.map(JuheSandboxOrder.init(row:))
    }

    /// The order `orderID`, settled first when its time has come; nil when unknown.
    func find(_ orderID: String) async throws -> JuheSandboxOrder? {
        let milliseconds = delay.components.seconds * 1000 + delay.components.attoseconds / 1_000_000_000_000_000
        _ = try await database.execute(
            """
            UPDATE orders.juhe_sandbox_orders
               SET game_state = CASE WHEN fails THEN 9 ELSE 1 END, settled_at = now()
             WHERE order_id = \(orderID) AND game_state = 0
               AND created_at <= now() - make_interval(secs => \(milliseconds)::bigint / 1000.0)
            """)
        return try await database.query(
            "SELECT \(unsafeSQL: Self.columns) FROM orders.juhe_sandbox_orders WHERE order_id = \(orderID)"
        ).first.map(JuheSandboxOrder.init(row:))
    }
}
