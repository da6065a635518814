import ServiceKit

/// Moves orders by what happened to them, the same way for the member's calls and the sweep: the event
/// is applied on the locked row as `PhoneTopUpState` decides, and an order that fails is refunded at
/// once (the sweep refunds whatever could not be refunded then).
struct PhoneTopUpSettlement: Sendable {
    let orders: PhoneTopUps
    let refunds: PhoneRefunds
    let logger: Logger

    /// Applies `event` to `orderNo` and answers the order after it (and after its refund); nil when the
    /// state machine refused the event, which is logged.
    @discardableResult
    func apply(_ event: PhoneTopUpState.Event, to orderNo: String) async throws -> PhoneTopUpRecord? {
        switch try await orders.apply(event, to: orderNo) {
        case .success(let applied):
            guard applied.decision.effects.contains(.refund) else { return applied.order }
            do {
                try await refunds.run(limit: 1, only: orderNo)
            } catch {
                logger.warning(
                    "phone top-up refund left to the sweep",
                    [("order", .string(orderNo)), ("error", .string("\(error)"))])
            }
            return try await orders.find(orderNo) ?? applied.order
        case .failure(let refusal):
            logger.warning(
                "phone top-up event refused", [("order", .string(orderNo)), ("refusal", .string(refusal.description))])
            return nil
        }
    }

    /// Follows what the provider says of `orderNo`: it took the order as `thirdNo`, and it is charging,
    /// charged or failed.
    @discardableResult
    func follow(_ told: ProviderOrder, of orderNo: String) async throws -> PhoneTopUpRecord? {
        guard let accepted = try await apply(.accepted(thirdNo: told.thirdNo), to: orderNo) else { return nil }
        switch told.progress {
        case .charging: return accepted
        case .charged: return try await apply(.charged, to: orderNo)
        case .failed: return try await apply(.failed(reason: "the provider failed the top-up"), to: orderNo)
        }
    }

    /// Asks the provider how `order` stands (a `paid` or `charging` order) and follows the answer;
    /// answers the order as it is now. A provider that cannot be reached or does not know the order
    /// changes nothing.
    func refresh(_ order: PhoneTopUpRecord, provider: any PhoneTopUpProvider) async throws -> PhoneTopUpRecord {
        guard order.state == .paid || order.state == .charging else { return order }
        let answer: Result<ProviderOrder, ProviderRefusal>
        do {
            answer = try await provider.status(orderNo: order.orderNo)
        } catch {
            logger.warning(
                "phone top-up status not known", [("order", .string(order.orderNo)), ("error", .string(error.detail))])
            return order
        }
        switch answer {
        case .success(let told): return try await follow(told, of: order.orderNo) ?? order
        case .failure: return order
        }
    }
}
