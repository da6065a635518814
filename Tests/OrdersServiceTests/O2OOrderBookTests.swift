import Postgres
import ServiceHarness
import Testing

@testable import OrdersService

/// O2O orders against a real database: a number drawn twice in one second is reported taken (the buy draws
/// again) rather than failing, and the purchase limit holds.
@Suite(.serialized)
struct O2OOrderBookTests {
    static func draft(orderNo: String, tradeNo: String, units: Int64 = 1) -> O2OOrderDraft {
        O2OOrderDraft(
            orderNo: orderNo, accountID: 9, appID: "wxdevo2o", operID: 1, operAppID: "wxdevo2o", userName: "",
            notifyMobile: "13800000000", merchantID: 2, merchantName: "店", goodsID: 3, goodsName: "券", goodsPic: "",
            goodsThumbURL: "", productID: 4, price: 100, buyNumber: units, tradeNo: tradeNo)
    }

    @Test func aTakenNumberIsReportedAndTheLimitHolds() async throws {
        let orders = InProcessService(.orders, descriptor: OrdersService.descriptor, routes: OrdersService.routes)
        try await InProcessMesh.with([orders], environment: ["ORDERS_PAYMENTS_SWEEP_MS": "60000"]) { mesh in
            guard let database = mesh.database(of: .orders) else { throw InProcessMeshError("no orders database") }
            let book = O2OOrderBook(database: database)
            let number = O2OOrderBook.orderNumber()
            #expect(number.count == 21 && number.hasPrefix("0"))
            guard case .created = try await book.create(Self.draft(orderNo: number, tradeNo: "T1"), limit: 3) else {
                Issue.record("the first order was not written")
                return
            }
            guard case .numberTaken = try await book.create(Self.draft(orderNo: number, tradeNo: "T2"), limit: 0) else {
                Issue.record("a taken number was not reported")
                return
            }
            guard
                case .refused = try await book.create(
                    Self.draft(orderNo: "0\(number.dropFirst(1).dropLast(1))9", tradeNo: "T3", units: 3), limit: 3)
            else {
                Issue.record("the limit did not hold")
                return
            }
            let count: Int64 = try await database.query("SELECT count(*) AS n FROM orders.o2o_orders")[0].decode("n")
            #expect(count == 1)
        }
    }
}
