import Mesh
import Postgres
import ServiceHarness
import Testing

@testable import OrdersService

/// Trades against a real database: payments applied once per transaction however often they come,
/// unwanted payments kept for refund, unpaid trades closed once by concurrent sweepers.
@Suite(.serialized)
struct TradeBookTests {
    static func with(_ body: (TradeBook, PostgresPool) async throws -> Void) async throws {
        let orders = InProcessService(.orders, descriptor: OrdersService.descriptor, routes: OrdersService.routes)
        try await InProcessMesh.with([orders], environment: ["ORDERS_PAYMENTS_SWEEP_MS": "60000"]) { mesh in
            guard let database = mesh.database(of: .orders) else { throw InProcessMeshError("no orders database") }
            try await body(TradeBook(database: database), database)
        }
    }

    static func draft(amount: Int64 = 990, lifetime: Duration = .seconds(1800)) -> TradeDraft {
        TradeDraft(
            business: .recharge, businessRef: "R-1", accountID: 7, amount: amount, provider: .wechat,
            lifetime: lifetime)
    }

    static func count(_ database: PostgresPool, _ sql: PostgresQuery) async throws -> Int64 {
        try await database.query(sql)[0].decode("n")
    }

    @Test func fiftyConcurrentConfirmationsSettleOnce() async throws {
        try await Self.with { book, database in
            let trade = try await book.open(Self.draft())
            #expect(trade.tradeNo.count == 20 && trade.state == .created)
            let outcomes = try await withThrowingTaskGroup(of: Result<PaymentOutcome, PaymentRefusal>.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        try await book.confirmPayment(
                            tradeNo: trade.tradeNo, amount: 990, transactionID: "4200001", provider: .wechat)
                    }
                }
                var all: [Result<PaymentOutcome, PaymentRefusal>] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            let settled = outcomes.filter { if case .success(.settled) = $0 { true } else { false } }
            let repeated = outcomes.filter { if case .success(.alreadyApplied) = $0 { true } else { false } }
            #expect(settled.count == 1 && repeated.count == 49)
            #expect(try await book.find(trade.tradeNo)?.state == .paid)
            #expect(try await book.find(trade.tradeNo)?.transactionID == "4200001")
            #expect(try await Self.count(database, "SELECT count(*) AS n FROM orders.trade_payments") == 1)
        }
    }

    @Test func aMismatchedOrUnknownConfirmationChangesNothing() async throws {
        try await Self.with { book, database in
            let trade = try await book.open(Self.draft())
            let short = try await book.confirmPayment(
                tradeNo: trade.tradeNo, amount: 989, transactionID: "T1", provider: .wechat)
            #expect(short == .failure(.rejected(.amountMismatch(expected: 990, confirmed: 989))))
            let unknown = try await book.confirmPayment(
                tradeNo: "20261203000000000000", amount: 990, transactionID: "T1", provider: .wechat)
            #expect(unknown == .failure(.unknownTrade("20261203000000000000")))
            #expect(try await book.find(trade.tradeNo)?.state == .created)
            #expect(try await Self.count(database, "SELECT count(*) AS n FROM orders.trade_payments") == 0)
        }
    }

    @Test func latePaymentsAndSecondPaymentsAreKeptForRefund() async throws {
        try await Self.with { book, database in
            let expired = try await book.open(Self.draft(lifetime: .zero))
            let other = try await book.open(Self.draft(lifetime: .seconds(600)))
            #expect(try await book.closeExpired(limit: 100) == [expired.tradeNo])
            let late = try await book.confirmPayment(
                tradeNo: expired.tradeNo, amount: 990, transactionID: "LATE-1", provider: .wechat)
            guard case .success(.refundDue(let closed)) = late else {
                Issue.record("late payment: \(late)")
                return
            }
            #expect(closed.state == .closed)
            let lateAgain = try await book.confirmPayment(
                tradeNo: expired.tradeNo, amount: 990, transactionID: "LATE-1", provider: .wechat)
            guard case .success(.alreadyApplied) = lateAgain else {
                Issue.record("repeated late payment: \(lateAgain)")
                return
            }

            _ = try await book.confirmPayment(
                tradeNo: other.tradeNo, amount: 990, transactionID: "P-1", provider: .wechat)
            let second = try await book.confirmPayment(
                tradeNo: other.tradeNo, amount: 990, transactionID: "P-2", provider: .wechat)
            guard case .success(.refundDue(let paid)) = second else {
                Issue.record("second payment: \(second)")
                return
            }
            #expect(paid.transactionID == "P-1")
            #expect(
                try await Self.count(
                    database, "SELECT count(*) AS n FROM orders.trade_payments WHERE disposition = 'refund_due'") == 2)
        }
    }

    @Test func concurrentSweepersCloseEachTradeOnce() async throws {
        try await Self.with { book, _ in
            var numbers = Set<String>()
            for _ in 0..<30 { numbers.insert(try await book.open(Self.draft(lifetime: .zero)).tradeNo) }
            let closed = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<3 { group.addTask { try await book.closeExpired(limit: 100) } }
                var all: [String] = []
                for try await batch in group { all += batch }
                return all
            }
            #expect(closed.count == 30)
            #expect(Set(closed) == numbers)
            #expect(try await book.closeExpired(limit: 100).isEmpty)
        }
    }
}
