import ServiceKit

/// Finishes what requests left behind, safe with many replicas (each order is moved on its locked row,
/// and every give-back is keyed): placings older than `staleAfter` — their request crashed or lost its
/// way — are abandoned and given back, and give-backs decided but not confirmed (an abandoned placing, a
/// closed order whose coins or stock a service did not take back yet) untouched for `retryAfter` are
/// tried again.
struct PointsOrderSweep: Sendable {
    let placement: PointsOrderPlacement
    let staleAfter: Duration
    let retryAfter: Duration
    var batch = 50

    func run() async throws {
        let book = placement.book
        for order in try await book.abandonStale(staleAfter: staleAfter, limit: batch) {
            await settle(order)
        }
        for order in try await book.pendingReturns(quietFor: retryAfter, limit: batch) {
            await settle(order)
        }
    }

    private func settle(_ order: PointsOrderRecord) async {
        do {
            try await placement.settle(order)
        } catch {
            placement.logger.warning(
                "points order give-back failed; tried again later",
                [("order", .string(order.orderSN)), ("error", .string("\(error)"))])
        }
    }
}
