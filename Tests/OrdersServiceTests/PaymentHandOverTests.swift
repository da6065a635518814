import Mesh
import Postgres
import ServiceHarness
import ServiceKit
import Testing
import UserService

@testable import OrdersService

/// A paid recharge reaches the wallet once, however often the hand-over runs or retries.
@Suite(.serialized)
struct PaymentHandOverTests {
    /// User and orders in process, the sweep out of the way; `body` gets the mesh and orders' database.
    static func withServices(_ body: (InProcessMesh, PostgresPool) async throws -> Void) async throws {
        let services = [
            InProcessService(.user, descriptor: UserService.descriptor, routes: UserService.routes),
            InProcessService(.orders, descriptor: OrdersService.descriptor, routes: OrdersService.routes),
        ]
        try await InProcessMesh.with(services, environment: ["ORDERS_PAYMENTS_SWEEP_MS": "60000"]) { mesh in
            guard let database = mesh.database(of: .orders) else { throw InProcessMeshError("no orders database") }
            try await body(mesh, database)
        }
    }

    @Test func aPaidRechargeCreditsTheWalletOnce() async throws {
        try await Self.withServices { mesh, database in
            let book = TradeBook(database: database)
            let handOver = PaymentHandOver(database: database, mesh: mesh.meshClient(), logger: Logger(service: "test"))
            let trade = try await book.open(
                TradeDraft(
                    business: .recharge, businessRef: "R-7", accountID: 41, amount: 12_345, provider: .wechat,
                    lifetime: .seconds(600)))
            let unpaid = try await handOver.run(limit: 10)
            #expect(unpaid == 0)
            _ = try await book.confirmPayment(
                tradeNo: trade.tradeNo, amount: 12_345, transactionID: "4200000041", provider: .wechat)
            let runs = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<5 { group.addTask { try await handOver.run(limit: 10) } }
                var total = 0
                for try await count in group { total += count }
                return total
            }
            #expect(runs == 1)
            #expect(try await handOver.run(limit: 10) == 0)
            let wallet = try await mesh.internalCall(.user, "wallet.get", ["account_id": .id(41)])
            #expect(wallet.data?["balance"] == .integer(12_345), "\(wallet.message)")

            try await database.execute("UPDATE orders.trade_payments SET handed_over_at = NULL")
            #expect(try await handOver.run(limit: 10) == 1)
            let again = try await mesh.internalCall(.user, "wallet.get", ["account_id": .id(41)])
            #expect(again.data?["balance"] == .integer(12_345), "a retried hand-over must not credit twice")
        }
    }

    @Test func concurrentHandOversOfATrainPaymentMoveTheOrderOnceAndRefundNothing() async throws {
        try await Self.withServices { mesh, database in
            let book = TradeBook(database: database)
            let orders = TrainOrderBook(database: database)
            let handOver = PaymentHandOver(database: database, mesh: mesh.meshClient(), logger: Logger(service: "test"))
            let orderNo = TrainOrderBook.orderNumber()
            let trade = try await book.open(
                TradeDraft(
                    business: .train, businessRef: orderNo, accountID: 52, amount: 8_000, provider: .wechat,
                    lifetime: .seconds(600)))
            let order = try #require(
                try await orders.create(
                    TrainOrderDraft(
                        accountID: 52, ticketIdentity: "11010519491231002X", ticketName: "胡超", fromSite: "北京",
                        toSite: "郑州",
                        details: [TrainTicketDetail(seatType: "硬座", departureDate: "2030-01-01", trainNum: "K1")],
                        amount: 8_000), orderNo: orderNo, tradeNo: trade.tradeNo))
            _ = try await book.confirmPayment(
                tradeNo: trade.tradeNo, amount: 8_000, transactionID: "4200000052", provider: .wechat)
            let runs = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<5 { group.addTask { try await handOver.run(tradeNo: trade.tradeNo) } }
                var total = 0
                for try await count in group { total += count }
                return total
            }
            #expect(runs == 1)
            #expect(try await orders.find(id: order.id)?.state == .waitRob)
            let refunds = try await database.query("SELECT count(*) AS n FROM orders.refunds")[0].decode(
                "n", as: Int64.self)
            #expect(refunds == 0)
        }
    }
}
