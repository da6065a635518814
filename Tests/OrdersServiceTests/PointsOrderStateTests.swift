import Testing

@testable import OrdersService

/// The points-mall order's life without a database: the allowed steps with their give-backs, every other
/// event refused, and the document's statuses and labels.
struct PointsOrderStateTests {
    typealias State = PointsOrderState
    typealias Event = PointsOrderState.Event

    static let events: [Event] = [.placed, .abandoned, .undone, .shipped, .completed, .closed]

    /// Every allowed step: (from, event, to, effects).
    static let allowed: [(State, Event, State, [State.Effect])] = [
        (.placing, .placed, .paid, []),
        (.placing, .abandoned, .undoing, [.giveBack]),
        (.undoing, .undone, .failed, []),
        (.paid, .shipped, .shipped, []),
        (.shipped, .completed, .completed, []),
        (.paid, .closed, .closed, [.giveBack]),
        (.shipped, .closed, .closed, [.giveBack]),
    ]

    @Test func theWholeWayToACompletedTrade() throws {
        var state = State.placing
        for (event, next) in [(Event.placed, State.paid), (.shipped, .shipped), (.completed, .completed)] {
            let decision = try state.apply(event).get()
            #expect(decision == .init(next: next, effects: []), "\(state) + \(event)")
            state = decision.next
        }
    }

    @Test func everyStepTheTableAllowsAndNoOther() {
        for state in State.allCases {
            for event in Self.events {
                let expected = Self.allowed.first { $0.0 == state && $0.1 == event }
                switch state.apply(event) {
                case .success(let decision):
                    #expect(expected != nil, "\(state) + \(event) should be refused")
                    #expect(decision.next == expected?.2 && decision.effects == expected?.3, "\(state) + \(event)")
                case .failure(let refusal):
                    #expect(expected == nil, "\(state) + \(event) should be allowed")
                    #expect(refusal == .init(state: state, event: event))
                }
            }
        }
    }

    @Test func closingGivesBackOnceAndNeverTwice() throws {
        #expect(try State.paid.apply(.closed).get().effects == [.giveBack])
        #expect(throws: State.Refusal.self) { try State.closed.apply(.closed).get() }
        #expect(throws: State.Refusal.self) { try State.completed.apply(.closed).get() }
        #expect(throws: State.Refusal.self) { try State.failed.apply(.abandoned).get() }
        #expect(throws: State.Refusal.self) { try State.undoing.apply(.abandoned).get() }
        #expect(throws: State.Refusal.self) { try State.undoing.apply(.placed).get() }
    }

    @Test func theDocumentsStatusesAndLabels() {
        #expect(State.visible.map(\.documentStatus) == [1, 2, 3, 4])
        #expect(State.visible.map(\.label) == ["待发货", "已发货", "交易成功", "已关闭"])
        for state in [State.placing, .undoing, .failed] { #expect(state.documentStatus == nil) }
        #expect(State(documentStatus: 1) == .paid && State(documentStatus: 4) == .closed)
        for number: Int64 in [-1, 0, 5] { #expect(State(documentStatus: number) == nil) }
    }

    @Test func whatCountsTowardsThePerPersonLimit() {
        #expect(State.allCases.filter(\.countsTowardsLimit) == [.placing, .paid, .shipped, .completed])
    }
}
