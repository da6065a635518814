import Mesh
import Testing

@testable import OrdersService

/// Where each kind of order stands for the member centre's counts, decided without a database.
struct OrderStageTests {
    @Test func rechargesByTheirTrade() {
        #expect(OrderStage(recharge: .created, expired: false, refunded: false) == .awaitingPayment)
        #expect(OrderStage(recharge: .created, expired: true, refunded: false) == nil)
        #expect(OrderStage(recharge: .closed, expired: true, refunded: false) == nil)
        #expect(OrderStage(recharge: .closed, expired: false, refunded: true) == nil)
        #expect(OrderStage(recharge: .paid, expired: true, refunded: false) == .completed)
        #expect(OrderStage(recharge: .paid, expired: false, refunded: true) == .afterSale)
    }

    @Test func phoneTopUpsByTheirState() {
        let stages = PhoneTopUpState.allCases.map { ($0, OrderStage(phoneTopUp: $0)) }
        let expected: [PhoneTopUpState: OrderStage?] = [
            .created: .awaitingPayment, .declined: nil, .paid: .awaitingShipment, .charging: .awaitingShipment,
            .charged: .completed, .failed: .afterSale, .refunded: .afterSale,
        ]
        for (state, stage) in stages { #expect(expected[state] == stage, "\(state)") }
    }

    @Test func countsAddUpByStageAndReadAsTheStatusNumbers() throws {
        var counts = OrdersCounts.Reply()
        for stage in OrderStage.allCases { counts.add(1, at: stage) }
        counts.add(4, at: .awaitingPayment)
        counts.add(2, at: .afterSale)
        #expect(
            counts
                == OrdersCounts.Reply(
                    awaitingPayment: 5, awaitingShipment: 1, awaitingReceipt: 1, completed: 1, afterSale: 3))
        #expect(counts.statusNumbers.map(\.key) == ["11", "12", "13", "14", "15"])
        #expect(counts.statusNumbers.map(\.count) == [5, 1, 1, 1, 3])
        #expect(try OrdersCounts.Reply(json: counts.json) == counts)
    }
}

/// Where O2O and points-mall orders count in the member centre.
struct VoucherAndPointsStageTests {
    @Test func o2oOrdersCountByStatus() {
        #expect(OrderStage(o2o: .unpaid) == .awaitingPayment)
        #expect(OrderStage(o2o: .paid) == .awaitingReceipt)
        #expect(OrderStage(o2o: .completed) == .completed)
        #expect(OrderStage(o2o: .refunded) == .afterSale)
        #expect(OrderStage(o2o: .cancelled) == nil && OrderStage(o2o: .closed) == nil)
    }

    @Test func pointsOrdersCountByState() {
        #expect(OrderStage(points: .paid) == .awaitingShipment)
        #expect(OrderStage(points: .shipped) == .awaitingReceipt)
        #expect(OrderStage(points: .completed) == .completed)
        #expect(OrderStage(points: .closed) == .afterSale)
        for state in [PointsOrderState.placing, .undoing, .failed] { #expect(OrderStage(points: state) == nil) }
    }
}
