import Testing

@testable import OrdersService

/// The train order's life without a database: every allowed step, and every other event refused.
struct TrainOrderStateTests {
    typealias State = TrainOrderState

    @Test func theWholeWayToSuccess() {
        var state = State.waitPay
        for (event, next) in [
            (State.Event.paid, State.waitRob), (.grabbed, .robing), (.ticketSubmitted, .orderAudit),
            (.auditRejected, .robing), (.ticketSubmitted, .orderAudit), (.auditPassed, .waitConfirme),
            (.confirmed, .success),
        ] {
            let decision = state.apply(event)
            #expect((try? decision.get())?.next == next, "\(state) + \(event)")
            state = next
        }
        #expect((try? State.waitConfirme.apply(.confirmed).get())?.effects == [.settle])
    }

    @Test func cancellingAndClosing() throws {
        #expect(try State.waitPay.apply(.customerCancels).get() == .init(next: .cancel, effects: [.closeTrade]))
        #expect(try State.waitPay.apply(.tradeClosed).get() == .init(next: .cancel, effects: []))
        #expect(try State.waitRob.apply(.customerCancels).get() == .init(next: .cancel, effects: [.refundPayment]))
        for state in [State.robing, .orderAudit, .waitConfirme, .success, .cancel, .returningAmount] {
            #expect(throws: State.Refusal.self) { try state.apply(.customerCancels).get() }
        }
    }

    @Test func refundsAskedReviewedAndMadeOrRejected() throws {
        #expect(try State.waitRob.apply(.refundAsked).get().next == .returningAmount)
        #expect(try State.robing.apply(.refundAsked).get() == .init(next: .returningAmount, effects: [.dropMerchant]))
        #expect(try State.returningAmount.apply(.refundReviewed).get().next == .returnedAudit)
        #expect(try State.returnedAudit.apply(.refundApproved).get().effects == [.sendRefund])
        #expect(try State.returnedAudit.apply(.refunded).get().next == .returnedAmount)
        #expect(try State.returnedAudit.apply(.refundRejected, resume: .waitRob).get().next == .waitRob)
        #expect(try State.returnedAudit.apply(.refundRejected, resume: .robing).get().next == .waitRob)
        for state in [State.waitPay, .orderAudit, .waitConfirme, .success, .cancel, .returnedAmount] {
            #expect(throws: State.Refusal.self) { try state.apply(.refundAsked).get() }
        }
    }

    @Test func everyOtherStepIsRefused() {
        let allowed: Set<String> = [
            "wait_pay/paid", "wait_pay/customerCancels", "wait_pay/tradeClosed", "wait_rob/customerCancels",
            "wait_rob/grabbed", "robing/released", "robing/ticketSubmitted", "order_audit/auditPassed",
            "order_audit/auditRejected", "wait_confirme/confirmed", "wait_rob/refundAsked", "robing/refundAsked",
            "returning_amount/refundReviewed", "returned_audit/refundApproved", "returned_audit/refunded",
            "returned_audit/refundRejected",
        ]
        let events: [State.Event] = [
            .paid, .customerCancels, .tradeClosed, .grabbed, .released, .ticketSubmitted, .auditPassed,
            .auditRejected, .confirmed, .refundAsked, .refundReviewed, .refundApproved, .refundRejected, .refunded,
        ]
        for state in State.allCases {
            for event in events {
                let key = "\(state.rawValue)/\(event)"
                let outcome = state.apply(event, resume: .waitRob)
                if allowed.contains(key) {
                    #expect((try? outcome.get()) != nil, "\(key) is allowed")
                } else {
                    #expect((try? outcome.get()) == nil, "\(key) is refused")
                }
            }
        }
    }
}
