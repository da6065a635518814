import JSON
import Mesh
import ServiceHarness
import Testing

@testable import OrdersService

/// Many submissions at once, each with its own request token, on a product with little stock by customers
/// with few coins: the coins never go below zero, the stock is never oversold, the per-person limit holds,
/// and every paid order has exactly one spend and one committed reservation, while every other order gave
/// back whatever it took.
@Suite(.serialized)
struct PointsOrderConcurrencyTests {
    @Test func concurrentSubmissionsNeitherOverspendNorOversell() async throws {
        try await PointsMallBench.with { bench in
            let stock: Int64 = 5
            let price: Int64 = 100
            let (goods, products) = try await bench.goods(price: price, stock: stock)
            // `poor` can pay for three, `rich` for everything; 14 submissions race for 5 units.
            let poor = try await bench.customer(coins: 350)
            let rich = try await bench.customer(coins: 10_000)
            var attempts: [(CallerIdentity, String)] = []
            for customer in [poor, rich] {
                _ = try await bench.address(of: customer.account)
                for token in try await bench.tokens(customer.caller, 7) { attempts.append((customer.caller, token)) }
            }
            let replies = try await withThrowingTaskGroup(of: (String, CanonicalReply).self) { group in
                for (caller, token) in attempts {
                    group.addTask {
                        (
                            caller.userID,
                            try await bench.submit(caller, goods: goods, product: products[0], token: token)
                        )
                    }
                }
                return try await group.reduce(into: [(String, CanonicalReply)]()) { $0.append($1) }
            }
            let refusedKinds = Set(replies.map(\.1.kind).filter { $0 != .ok })
            #expect(refusedKinds.isSubset(of: [.outOfStock, .insufficientBalance, .invalidState]), "\(refusedKinds)")
            let placed = replies.filter { $0.1.kind == .ok }
            let placedByPoor = Int64(placed.filter { $0.0 == poor.caller.userID }.count)
            let placedByRich = Int64(placed.filter { $0.0 == rich.caller.userID }.count)
            #expect(placedByPoor <= 3 && placedByPoor + placedByRich <= stock && !placed.isEmpty)
            #expect(try await bench.stock(products[0]) == stock - placedByPoor - placedByRich)
            #expect(try await bench.coins(poor.account) == 350 - placedByPoor * price)
            #expect(try await bench.coins(rich.account) == 10_000 - placedByRich * price)

            let orders = try await bench.orderStates()
            #expect(orders.filter { $0.state == "paid" }.count == placed.count)
            #expect(orders.allSatisfy { $0.state == "paid" || $0.state == "failed" }, "\(orders.map(\.state))")
            for order in orders {
                let coins = try await bench.coinMovements(order.orderSN)
                let reservations = try await bench.reservations(order.orderSN)
                if order.state == "paid" {
                    #expect(coins == ["spend": 1], "\(order.orderSN)")
                    #expect(reservations == ["committed"], "\(order.orderSN)")
                } else {
                    #expect(coins["spend", default: 0] == coins["add", default: 0], "\(order.orderSN): \(coins)")
                    #expect(reservations.allSatisfy { $0 == "released" }, "\(order.orderSN): \(reservations)")
                }
            }
            let listed = try await bench.list(poor.caller)
            #expect(listed.data?["total"] == .integer(placedByPoor))
        }
    }

    @Test func concurrentSubmissionsKeepThePerPersonLimit() async throws {
        try await PointsMallBench.with { bench in
            let (goods, products) = try await bench.goods(price: 10, stock: 100, limit: 2)
            let (caller, account) = try await bench.customer(coins: 10_000)
            _ = try await bench.address(of: account)
            let tokens = try await bench.tokens(caller, 6)
            let kinds = try await withThrowingTaskGroup(of: ReplyKind.self) { group in
                for token in tokens {
                    group.addTask {
                        try await bench.submit(caller, goods: goods, product: products[0], token: token).kind
                    }
                }
                return try await group.reduce(into: [ReplyKind]()) { $0.append($1) }
            }
            #expect(kinds.filter { $0 == .ok }.count == 2, "\(kinds)")
            #expect(kinds.filter { $0 == .invalidState }.count == 4, "\(kinds)")
            #expect(try await bench.stock(products[0]) == 98)
            #expect(try await bench.coins(account) == 9_980)
        }
    }
}
