import JSON
import Mesh
import Postgres
import ServiceKit

/// Why a stock movement was not made; nothing was written, not even the idempotency key.
struct StockRefusal: Refusal, Equatable {
    let kind: ReplyKind
    let message: String

    static let unknownProduct = StockRefusal(kind: .notFound, message: "no such product")
    static let unknownReservation = StockRefusal(kind: .notFound, message: "no such reservation")
    static let notOnSale = StockRefusal(kind: .invalidState, message: "the goods item is not on sale")
    static func short(available: Int64, asked: Int64) -> StockRefusal {
        StockRefusal(kind: .outOfStock, message: "only \(available) in stock, \(asked) asked")
    }
}

/// Moves stock in `merchants.products`, one transaction per movement with its row in
/// `merchants.stock_ledger`: reservations for orders (reserve, commit, release, each once per
/// idempotency key) and adjustments by an admin. The stock never goes below zero: a reservation takes
/// stock with `UPDATE … WHERE stock >= quantity`, which concurrent reservations pass one at a time on
/// the product's row, and the table's `CHECK (stock >= 0)` backs it.
struct StockKeeper: Sendable {
    let database: PostgresPool
    let idempotency: IdempotencyStore

    /// Reserves stock for an order once for `key`.
    func reserve(
        _ request: StockReserve.Request, key: String, today: String
    ) async throws -> IdempotentOutcome<
        StockReservation
    > {
        let fingerprint = IdempotencyFingerprint(operation: StockReserve.name, request: .object(request.json))
        return try await database.transaction { transaction in
            try await idempotency.perform(key: key, fingerprint: fingerprint, on: transaction) { transaction in
                let found = try await transaction.query(
                    """
                    SELECT p.goods_id, p.stock,
                           merchants.goods_on_sale(g.status, g.start_date, g.end_date, m.approval, m.status,
                                                   \(today)::date) AS on_sale
                      FROM merchants.products p JOIN merchants.goods g ON g.id = p.goods_id
                      LEFT JOIN merchants.merchants m ON m.id = g.merchant_id
                     WHERE p.id = \(request.productID)
                    """)
                guard let product = found.first else { throw StockRefusal.unknownProduct }
                guard try product.decode("on_sale", as: Bool.self) else { throw StockRefusal.notOnSale }
                // One statement takes the stock and writes the reservation and its ledger row, so the
                // product's row stays locked for as little as possible: this statement, the idempotency
                // reply and the commit.
                let taken = try await transaction.query(
                    """
                    WITH taken AS (
                        UPDATE merchants.products SET stock = stock - \(request.quantity), updated_at = now()
                         WHERE id = \(request.productID) AND stock >= \(request.quantity)
                        RETURNING id, goods_id, stock
                    ), reserved AS (
                        INSERT INTO merchants.reservations (product_id, goods_id, quantity, order_ref)
                        SELECT id, goods_id, \(request.quantity), \(request.orderRef) FROM taken
                        RETURNING id
                    ), ledgered AS (
                        INSERT INTO merchants.stock_ledger (product_id, change, stock_after, kind, reservation_id, actor)
                        SELECT taken.id, \(-request.quantity), taken.stock, 'reserve', reserved.id, 'orders'
                          FROM taken, reserved
                    )
                    SELECT reserved.id, taken.goods_id, taken.stock FROM taken, reserved
                    """)
                guard let row = taken.first else {
                    let left = try await transaction.query(
                        "SELECT stock FROM merchants.products WHERE id = \(request.productID)")
                    throw StockRefusal.short(
                        available: try left.first?.decode("stock", as: Int64.self) ?? 0, asked: request.quantity)
                }
                let id: Int64 = try row.decode("id")
                let goodsID: Int64 = try row.decode("goods_id")
                let stock: Int64 = try row.decode("stock")
                return StockReservation(
                    reservationID: id, productID: request.productID, goodsID: goodsID, quantity: request.quantity,
                    orderRef: request.orderRef, state: ReservationState.reserved.rawValue, stock: stock)
            }
        }
    }

    /// Applies `event` to a reservation once for `key`, as `ReservationState` decides.
    func move(
        _ event: ReservationState.Event, _ request: ReservationMovementRequest, operation: String, key: String
    ) async throws -> IdempotentOutcome<StockReservation> {
        let fingerprint = IdempotencyFingerprint(operation: operation, request: .object(request.json))
        return try await database.transaction { transaction in
            try await idempotency.perform(key: key, fingerprint: fingerprint, on: transaction) { transaction in
                let rows = try await transaction.query(
                    """
                    SELECT r.id, r.product_id, r.goods_id, r.quantity, r.returned, r.order_ref, r.state, p.stock
                      FROM merchants.reservations r JOIN merchants.products p ON p.id = r.product_id
                     WHERE r.id = \(request.reservationID)
                       FOR UPDATE OF r
                    """)
                guard let row = rows.first else { throw StockRefusal.unknownReservation }
                let stateText: String = try row.decode("state")
                guard let state = ReservationState(rawValue: stateText) else {
                    throw StockRefusal(
                        kind: .invalidState, message: "the reservation has the unknown state \(stateText)")
                }
                let quantity: Int64 = try row.decode("quantity")
                let returned: Int64 = try row.decode("returned")
                let decision: ReservationState.Decision
                var units = quantity - returned
                if event == .release, let part = request.quantity {
                    switch state.returning(part, of: quantity, returned: returned) {
                    case .success(let made): decision = made
                    case .failure(let refusal): throw StockRefusal(kind: .invalidState, message: refusal.description)
                    }
                    units = part
                } else {
                    switch state.apply(event) {
                    case .success(let made): decision = made
                    case .failure(let refusal): throw StockRefusal(kind: .invalidState, message: refusal.description)
                    }
                }
                let productID: Int64 = try row.decode("product_id")
                var stock: Int64 = try row.decode("stock")
                if decision.changes {
                    let returnedAfter =
                        decision.next == .refunded ? quantity : returned + (decision.returnsStock ? units : 0)
                    try await transaction.execute(
                        """
                        UPDATE merchants.reservations
                           SET state = \(decision.next.rawValue),
                               returned = CASE WHEN \(decision.next.rawValue) IN ('committed', 'refunded')
                                               THEN \(returnedAfter) ELSE 0 END,
                               committed_at = CASE WHEN \(decision.next.rawValue) = 'committed'
                                                   THEN coalesce(committed_at, now()) ELSE committed_at END,
                               ended_at = CASE WHEN \(decision.next.rawValue) IN ('released', 'refunded') THEN now()
                                               ELSE ended_at END
                         WHERE id = \(request.reservationID)
                        """)
                }
                if decision.returnsStock, let kind = decision.ledgerKind {
                    let back = try await transaction.query(
                        """
                        WITH returned AS (
                            UPDATE merchants.products SET stock = stock + \(units), updated_at = now()
                             WHERE id = \(productID) RETURNING id, stock
                        )
                        INSERT INTO merchants.stock_ledger (product_id, change, stock_after, kind, reservation_id,
                            reason, actor)
                        SELECT id, \(units), stock, \(kind), \(request.reservationID), \(request.reason ?? ""), 'orders'
                          FROM returned
                        RETURNING stock_after
                        """)
                    stock = try back[0].decode("stock_after")
                }
                return StockReservation(
                    reservationID: request.reservationID, productID: productID,
                    goodsID: try row.decode("goods_id"), quantity: quantity,
                    orderRef: try row.decode("order_ref"), state: decision.next.rawValue, stock: stock)
            }
        }
    }

    /// Changes a product's stock by `change` (an admin's count or correction) with `reason` in the
    /// ledger, once for `key`: a repeated submission answers the first adjustment. Refused when there is
    /// no such product or the stock would go below zero; a refusal writes nothing, not even the key.
    func adjust(
        product productID: Int64, by change: Int64, reason: String, actor: String, key: String
    ) async throws
        -> IdempotentOutcome<StockAdjustment>
    {
        let request: JSONValue = .array([.integer(productID), .integer(change), .string(reason)])
        let fingerprint = IdempotencyFingerprint(operation: "stock.adjust", request: request)
        return try await database.transaction { transaction in
            try await idempotency.perform(key: key, fingerprint: fingerprint, on: transaction) { transaction in
                let rows = try await transaction.query(
                    """
                    WITH adjusted AS (
                        UPDATE merchants.products SET stock = stock + \(change), updated_at = now()
                         WHERE id = \(productID) AND stock + \(change) >= 0
                        RETURNING id, stock
                    )
                    INSERT INTO merchants.stock_ledger (product_id, change, stock_after, kind, reason, actor)
                    SELECT id, \(change), stock, 'adjust', \(reason), \(actor) FROM adjusted
                    RETURNING stock_after
                    """)
                if let row = rows.first {
                    return StockAdjustment(productID: productID, change: change, stock: try row.decode("stock_after"))
                }
                let exists = try await transaction.query(
                    "SELECT stock FROM merchants.products WHERE id = \(productID)")
                guard let current = exists.first else { throw StockRefusal.unknownProduct }
                throw StockRefusal(
                    kind: .invalidParams,
                    message: "the stock is \(try current.decode("stock", as: Int64.self)); it cannot go below zero")
            }
        }
    }
}
