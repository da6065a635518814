import Testing

@testable import OrdersService

/// The phone top-up's state machine without a database: every way through, repeated events that
/// change nothing, and the transitions it refuses.
struct PhoneTopUpStateTests {
    typealias State = PhoneTopUpState

    /// The state after `events` from `created`, or the first refusal.
    static func walk(_ events: [State.Event]) -> Result<(State, [State.Effect]), State.Refusal> {
        var state = State.created
        var thirdNo: String?
        var effects: [State.Effect] = []
        for event in events {
            switch state.apply(event, thirdNo: thirdNo) {
            case .success(let decision):
                state = decision.next
                effects += decision.effects
                if case .accepted(let told) = event, thirdNo == nil { thirdNo = told }
            case .failure(let refusal):
                return .failure(refusal)
            }
        }
        return .success((state, effects))
    }

    static func end(_ events: [State.Event]) -> State? {
        if case .success(let (state, _)) = walk(events) { return state }
        return nil
    }

    @Test func aChargedOrderIsDebitedSubmittedAndNeverRefunded() throws {
        let (state, effects) = try Self.walk([.debited, .accepted(thirdNo: "J1"), .charged]).get()
        #expect(state == .charged)
        #expect(effects == [.submit])
        #expect(State.charged.chargeStatus == 1)
    }

    @Test func aFailedOrderIsRefundedOnce() throws {
        let (state, effects) = try Self.walk([.debited, .accepted(thirdNo: "J1"), .failed(reason: "9")]).get()
        #expect(state == .failed)
        #expect(effects == [.submit, .refund])
        let refunded = try State.failed.apply(.refunded, thirdNo: "J1").get()
        #expect(refunded == State.Decision(next: .refunded, effects: [], changes: true))
        let again = try State.refunded.apply(.refunded, thirdNo: "J1").get()
        #expect(again == State.Decision(next: .refunded, effects: [], changes: false))
        let lateFailure = try State.refunded.apply(.failed(reason: "9"), thirdNo: "J1").get()
        #expect(lateFailure.effects.isEmpty && !lateFailure.changes, "a second failure must not refund again")
        #expect(State.refunded.chargeStatus == 9)
    }

    @Test func theProviderMayAnswerBeforeTheAcceptanceIsRecorded() {
        #expect(Self.end([.debited, .charged]) == .charged)
        #expect(Self.end([.debited, .failed(reason: "refused")]) == .failed)
    }

    @Test func aRefusedDebitDeclinesAndMovesNothing() throws {
        let (state, effects) = try Self.walk([.debitRefused]).get()
        #expect(state == .declined && effects.isEmpty)
        #expect(Self.end([.debitRefused, .debitRefused]) == .declined)
        #expect(throws: State.Refusal.self) { try State.declined.apply(.debited, thirdNo: nil).get() }
        #expect(throws: State.Refusal.self) { try State.declined.apply(.refunded, thirdNo: nil).get() }
    }

    @Test func aVoidedOrderGivesItsDebitBack() throws {
        let (state, effects) = try Self.walk([.voided]).get()
        #expect(state == .failed && effects == [.refund])
        #expect(try State.failed.apply(.voided, thirdNo: nil).get().changes == false)
        #expect(try State.refunded.apply(.voided, thirdNo: nil).get().changes == false)
        #expect(throws: State.Refusal.self, "a debit answer arriving after the void changes nothing") {
            try State.failed.apply(.debited, thirdNo: nil).get()
        }
    }

    @Test func repeatedProviderAnswersChangeNothing() throws {
        #expect(try State.charging.apply(.accepted(thirdNo: "J1"), thirdNo: "J1").get().changes == false)
        #expect(try State.charged.apply(.accepted(thirdNo: "J1"), thirdNo: "J1").get().changes == false)
        #expect(try State.charged.apply(.charged, thirdNo: "J1").get().changes == false)
        #expect(try State.failed.apply(.failed(reason: "again"), thirdNo: "J1").get().changes == false)
        #expect(try State.refunded.apply(.accepted(thirdNo: "J1"), thirdNo: "J1").get().changes == false)
    }

    @Test func contradictionsAreRefused() {
        #expect(
            State.charging.apply(.accepted(thirdNo: "J2"), thirdNo: "J1")
                == .failure(.otherThirdNo(known: "J1", told: "J2")))
        #expect(
            State.charged.apply(.failed(reason: "late"), thirdNo: "J1")
                == .failure(.notNow(state: .charged, event: .failed(reason: "late"))))
        #expect(State.failed.apply(.charged, thirdNo: "J1") == .failure(.notNow(state: .failed, event: .charged)))
        #expect(State.created.apply(.charged, thirdNo: nil) == .failure(.notNow(state: .created, event: .charged)))
        #expect(State.created.apply(.refunded, thirdNo: nil) == .failure(.notNow(state: .created, event: .refunded)))
        #expect(State.paid.apply(.debited, thirdNo: nil) == .failure(.notNow(state: .paid, event: .debited)))
        #expect(State.charging.apply(.refunded, thirdNo: "J1") == .failure(.notNow(state: .charging, event: .refunded)))
    }

    @Test func onlyAFailedOrderCanBeRefunded() {
        for state in State.allCases where state != .failed && state != .refunded {
            #expect(throws: State.Refusal.self, "\(state)") { try state.apply(.refunded, thirdNo: "J1").get() }
        }
    }

    @Test func chargeStatusFollowsJuhesGameState() {
        #expect(State.allCases.map(\.chargeStatus) == [0, 9, 0, 0, 1, 9, 9])
    }
}
