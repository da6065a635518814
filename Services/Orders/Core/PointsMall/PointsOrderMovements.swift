import Mesh
import ServiceKit

/// The stock and coins of one order on the other services, each movement under a key derived from the
/// order number (`pm-<order number>-reserve` …), so every try of it — the placing request's, a retry's,
/// the sweep's — carries the same key and applies once: the stock reserved, committed or released on the
/// merchants service (reference: the order number), the coins spent or added back on the user service.
struct PointsOrderMovements: Sendable {
    let mesh: MeshClient

    /// The idempotency key of `movement` of order `orderSN`.
    static func key(_ orderSN: String, _ movement: String) -> String { "pm-\(orderSN)-\(movement)" }

    func reserve(_ order: PointsOrderRecord, requestID: String? = nil) async -> MeshOutcome<StockReservation> {
        await mesh.call(
            StockReserve.self,
            StockReserve.Request(productID: order.productID, quantity: order.quantity, orderRef: order.orderSN),
            idempotencyKey: Self.key(order.orderSN, "reserve"), requestID: requestID)
    }

    func commit(
        _ order: PointsOrderRecord, reservation: Int64, requestID: String? = nil
    ) async -> MeshOutcome<
        StockReservation
    > {
        await mesh.call(
            StockCommit.self, ReservationMovementRequest(reservationID: reservation),
            idempotencyKey: Self.key(order.orderSN, "commit"), requestID: requestID)
    }

    func spend(_ order: PointsOrderRecord, requestID: String? = nil) async -> MeshOutcome<PointsMovementReply> {
        await mesh.call(
            PointsSpend.self,
            PointsMovementRequest(
                accountID: order.accountID, points: order.totalPrice, reference: order.orderSN,
                reason: "积分商城兑换 \(order.orderSN)"),
            idempotencyKey: Self.key(order.orderSN, "spend"), requestID: requestID)
    }

    /// Gives back whatever `order` took, once however often it runs: its stock reservation is released
    /// (found again under its key when the order never learnt it; a reservation refused under that key
    /// took nothing) and its coins added back (when the order never learnt whether they were taken, the
    /// spend is asked again under its key: it answers the first outcome, or spends now, and is then
    /// given back; a refused spend took nothing). Throws `UpstreamFailure` when a service gave no
    /// answer: nothing is lost, the next try finishes it.
    func giveBack(_ order: PointsOrderRecord) async throws {
        var reservation = order.reservationID
        if reservation == nil {
            switch await reserve(order) {
            case .ok(let made): reservation = made.reservationID
            case .refused: reservation = nil
            case .failed(let error): throw UpstreamFailure(contract: StockReserve.self, error: error)
            }
        }
        if let reservation {
            switch await mesh.call(
                StockRelease.self,
                ReservationMovementRequest(reservationID: reservation, reason: "积分商城订单 \(order.orderSN) 退回"),
                idempotencyKey: Self.key(order.orderSN, "release"))
            {
            case .ok: break
            case .refused(let reply): throw UpstreamFailure(contract: StockRelease.self, refusal: reply)
            case .failed(let error): throw UpstreamFailure(contract: StockRelease.self, error: error)
            }
        }
        guard order.totalPrice > 0 else { return }
        var spent = order.coinsSpent
        if !spent {
            switch await spend(order) {
            case .ok: spent = true
            case .refused: spent = false
            case .failed(let error): throw UpstreamFailure(contract: PointsSpend.self, error: error)
            }
        }
        guard spent else { return }
        switch await mesh.call(
            PointsAdd.self,
            PointsMovementRequest(
                accountID: order.accountID, points: order.totalPrice, reference: order.orderSN,
                reason: "积分商城订单 \(order.orderSN) 退回"),
            idempotencyKey: Self.key(order.orderSN, "refund"))
        {
        case .ok: return
        case .refused(let reply): throw UpstreamFailure(contract: PointsAdd.self, refusal: reply)
        case .failed(let error): throw UpstreamFailure(contract: PointsAdd.self, error: error)
        }
    }
}
