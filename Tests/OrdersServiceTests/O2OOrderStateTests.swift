import Testing

@testable import OrdersService

/// The O2O voucher order's life without a database: payment issues one code per unit, codes redeem once,
/// a refund takes every unused code, and the order ends completed or refunded by what happened last.
struct O2OOrderStateTests {
    typealias State = O2OOrderState

    @Test func paymentIssuesOneCodePerUnit() throws {
        let decision = try State(status: .unpaid, codes: []).apply(.paid(units: 3)).get()
        #expect(decision.next == State(status: .paid, codes: [.unused, .unused, .unused]))
        #expect(decision.effects == [.issueCodes(3), .commitStock, .sendCodes])
        #expect(throws: State.Refusal.self) { try State(status: .unpaid, codes: []).apply(.paid(units: 0)).get() }
    }

    @Test func unpaidOrdersCloseOrCancelAndGiveTheirStockBack() throws {
        let unpaid = State(status: .unpaid, codes: [])
        #expect(
            try unpaid.apply(.tradeClosed).get()
                == .init(next: .init(status: .closed, codes: []), effects: [.releaseStock]))
        #expect(
            try unpaid.apply(.cancelled).get()
                == .init(next: .init(status: .cancelled, codes: []), effects: [.closeTrade, .releaseStock]))
        for status in [O2OOrderStatus.cancelled, .closed, .paid, .refunded, .completed] {
            let codes: [VoucherCodeStatus] = status == .paid ? [.unused] : []
            #expect(throws: State.Refusal.self) { try State(status: status, codes: codes).apply(.tradeClosed).get() }
            #expect(throws: State.Refusal.self) { try State(status: status, codes: codes).apply(.paid(units: 1)).get() }
        }
        for event in [State.Event.redeem(position: 0), .refundUnused] {
            #expect(throws: State.Refusal.self) { try unpaid.apply(event).get() }
            #expect(throws: State.Refusal.self) { try State(status: .closed, codes: []).apply(event).get() }
        }
    }

    @Test func redeemingEveryCodeCompletesTheOrder() throws {
        var state = State(status: .paid, codes: [.unused, .unused])
        state = try state.apply(.redeem(position: 1)).get().next
        #expect(state == State(status: .paid, codes: [.unused, .redeemed]))
        #expect(throws: State.Refusal.codeUsed(.redeemed)) { try state.apply(.redeem(position: 1)).get() }
        #expect(throws: State.Refusal.noSuchCode(position: 2)) { try state.apply(.redeem(position: 2)).get() }
        state = try state.apply(.redeem(position: 0)).get().next
        #expect(state == State(status: .completed, codes: [.redeemed, .redeemed]))
        #expect(throws: State.Refusal.completed) { try state.apply(.refundUnused).get() }
        #expect(throws: State.Refusal.codeUsed(.redeemed)) { try state.apply(.redeem(position: 0)).get() }
    }

    @Test func aRefundTakesEveryUnusedCodeOnce() throws {
        let state = State(status: .paid, codes: [.redeemed, .unused, .unused])
        let decision = try state.apply(.refundUnused).get()
        #expect(decision.next == State(status: .refunded, codes: [.redeemed, .refunded, .refunded]))
        #expect(decision.effects == [.refund(units: 2)])
        #expect(throws: State.Refusal.nothingToRefund) { try decision.next.apply(.refundUnused).get() }
        #expect(throws: State.Refusal.codeUsed(.refunded)) { try decision.next.apply(.redeem(position: 1)).get() }
    }
}
