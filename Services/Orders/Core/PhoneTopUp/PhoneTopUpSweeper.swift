import ServiceKit

/// The background work of the phone top-up, run by every replica (rows are claimed or moved under
/// locks, so running it twice at once changes nothing twice):
///
/// 1. failed orders are refunded (`PhoneRefunds`);
/// 2. charging orders are asked about (`ordersta`) and follow the provider's answer;
/// 3. orders still `paid` after the stall time, which the provider may never have received, are asked
///    about and, when the provider does not know them, given to it again (it refuses an order number
///    it has seen, so nothing is ordered twice);
/// 4. orders still `created` after the stall time, whose debit outcome their request never saw, replay
///    the debit under its key to learn it and are voided: a debit that happened is given back, one that
///    was refused leaves the order declined.
struct PhoneTopUpSweeper: Sendable {
    static let batch = 50

    let orders: PhoneTopUps
    let provider: any PhoneTopUpProvider
    let wallet: PhoneWallet
    let settlement: PhoneTopUpSettlement
    let refunds: PhoneRefunds
    let charging: PhoneCharging
    let stallAfter: Duration
    let logger: Logger

    func run() async throws {
        try await refunds.run(limit: Self.batch)
        for order in try await orders.waiting(in: [.charging], idle: .zero, limit: Self.batch) {
            try await orders.markAsked(order.orderNo)
            _ = try await settlement.refresh(order, provider: provider)
        }
        for order in try await orders.waiting(in: [.paid], idle: stallAfter, limit: Self.batch) {
            try await resume(order)
        }
        for order in try await orders.waiting(in: [.created], idle: stallAfter, limit: Self.batch) {
            try await void(order)
        }
    }

    /// A paid order the provider may not have: what the provider says of it, else it is submitted again.
    func resume(_ order: PhoneTopUpRecord) async throws {
        try await orders.markAsked(order.orderNo)
        let answer: Result<ProviderOrder, ProviderRefusal>
        do {
            answer = try await provider.status(orderNo: order.orderNo)
        } catch {
            logger.warning(
                "phone top-up status not known", [("order", .string(order.orderNo)), ("error", .string(error.detail))])
            return
        }
        switch answer {
        case .success(let told): try await settlement.follow(told, of: order.orderNo)
        case .failure: _ = try await charging.submit(order)
        }
    }

    /// A created order nobody saw the debit of: the debit replayed under its key tells, then the order is
    /// voided (and refunded) or declined.
    func void(_ order: PhoneTopUpRecord) async throws {
        switch await wallet.debit(order) {
        case .moved:
            logger.warning("stalled phone top-up voided", [("order", .string(order.orderNo))])
            try await settlement.apply(.voided, to: order.orderNo)
        case .refused:
            try await settlement.apply(.debitRefused, to: order.orderNo)
        case .unknown(let error):
            logger.warning(
                "stalled phone top-up: debit outcome still unknown",
                [("order", .string(order.orderNo)), ("error", .string(error.detail))])
        }
    }
}
