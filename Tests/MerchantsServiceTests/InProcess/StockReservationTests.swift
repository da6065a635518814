import JSON
import Mesh
import ServiceHarness
import Testing

/// Stock reservations through the merchants service's internal routes, as the orders service calls them.
@Suite(.serialized)
struct StockReservationTests {
    static func reserve(
        _ mesh: InProcessMesh, product: Int64, quantity: Int64 = 1, order: String, key: String
    ) async throws -> CanonicalReply {
        try await mesh.internalCall(
            .merchants, "stock.reserve",
            ["product_id": .id(product), "quantity": .integer(quantity), "order_ref": .string(order)],
            idempotencyKey: key)
    }

    static func move(
        _ mesh: InProcessMesh, _ name: String, reservation: JSONValue?, key: String
    ) async throws
        -> CanonicalReply
    {
        try await mesh.internalCall(
            .merchants, name, ["reservation_id": reservation ?? .null], idempotencyKey: key)
    }

    /// A voucher of an approved merchant with `stock` units.
    static func voucher(_ fixture: MerchantsFixture, stock: Int64) async throws -> (goods: Int64, product: Int64) {
        let centre = try await fixture.centre(appID: "wxstock")
        let category = try await fixture.category("美食")
        let merchant = try await fixture.merchant(
            "库存店", centre: centre, category: category, longitude: 121.47, latitude: 31.23)
        let made = try await fixture.goods("代金券", catalogue: "voucher", merchant: merchant, stock: stock)
        return (made.goods, made.products[0])
    }

    @Test func aThousandConcurrentReservationsNeverOversell() async throws {
        try await MerchantsMesh.with { mesh, fixture in
            let (_, product) = try await Self.voucher(fixture, stock: 100)
            let kinds = try await withThrowingTaskGroup(of: ReplyKind.self) { group in
                for index in 0..<1000 {
                    group.addTask {
                        try await Self.reserve(mesh, product: product, order: "O\(index)", key: "reserve-\(index)").kind
                    }
                }
                var kinds: [ReplyKind] = []
                for try await kind in group { kinds.append(kind) }
                return kinds
            }
            #expect(kinds.filter { $0 == .ok }.count == 100)
            #expect(kinds.filter { $0 == .outOfStock }.count == 900)
            #expect(try await fixture.stock(of: product) == 0)
            let ledger = try await fixture.database.query(
                "SELECT count(*) AS n, sum(change) AS total FROM merchants.stock_ledger WHERE product_id = \(product)")
            #expect(try ledger[0].decode("n", as: Int64.self) == 100)
            #expect(try ledger[0].decode("total", as: Int64.self) == -100)
        }
    }

    @Test func aKeyAppliesOnceAndReleaseRestoresOnce() async throws {
        try await MerchantsMesh.with { mesh, fixture in
            let (goods, product) = try await Self.voucher(fixture, stock: 10)
            let first = try await Self.reserve(mesh, product: product, quantity: 3, order: "A1", key: "k-a1")
            let again = try await Self.reserve(mesh, product: product, quantity: 3, order: "A1", key: "k-a1")
            #expect(first.kind == .ok && again.kind == .ok)
            #expect(first.data?["reservation_id"] == again.data?["reservation_id"])
            #expect(try await fixture.stock(of: product) == 7)
            let reused = try await Self.reserve(mesh, product: product, quantity: 4, order: "A1", key: "k-a1")
            #expect(reused.kind == .invalidState)
            #expect(try await fixture.stock(of: product) == 7)

            let reservation = first.data?["reservation_id"]
            let released = try await Self.move(mesh, "stock.release", reservation: reservation, key: "rel-1")
            #expect(released.data?["state"] == .string("released"))
            let releasedAgain = try await Self.move(mesh, "stock.release", reservation: reservation, key: "rel-2")
            #expect(releasedAgain.kind == .ok && releasedAgain.data?["state"] == .string("released"))
            #expect(try await fixture.stock(of: product) == 10)
            let sold = try await Self.move(mesh, "stock.commit", reservation: reservation, key: "commit-1")
            #expect(sold.kind == .invalidState)

            let second = try await Self.reserve(mesh, product: product, quantity: 2, order: "A2", key: "k-a2")
            let committed = try await Self.move(
                mesh, "stock.commit", reservation: second.data?["reservation_id"], key: "c-2")
            #expect(committed.data?["state"] == .string("committed"))
            let detail = try await mesh.call(
                .o2o, "goods/detail", ["id": .integer(goods)], caller: CallerIdentity(userID: "1"), appID: "wxstock")
            #expect(detail.data?["sell_number"] == .integer(2))
            let refunded = try await Self.move(
                mesh, "stock.release", reservation: second.data?["reservation_id"], key: "r-2")
            #expect(refunded.data?["state"] == .string("refunded"))
            #expect(try await fixture.stock(of: product) == 10)
            let afterRefund = try await mesh.call(
                .o2o, "goods/detail", ["id": .integer(goods)], caller: CallerIdentity(userID: "1"), appID: "wxstock")
            #expect(afterRefund.data?["sell_number"] == .integer(0))
        }
    }

    @Test func concurrentReleasesRestoreOnce() async throws {
        try await MerchantsMesh.with { mesh, fixture in
            let (_, product) = try await Self.voucher(fixture, stock: 5)
            let reserved = try await Self.reserve(mesh, product: product, quantity: 5, order: "B1", key: "k-b1")
            let reservation = reserved.data?["reservation_id"]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        _ = try await Self.move(
                            mesh, "stock.release", reservation: reservation, key: "release-\(index)")
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await fixture.stock(of: product) == 5)
        }
    }

    @Test func refusalsNameTheProblemAndSpendNothing() async throws {
        try await MerchantsMesh.with { mesh, fixture in
            let (goods, product) = try await Self.voucher(fixture, stock: 2)
            #expect(try await Self.reserve(mesh, product: 999_999, order: "X", key: "x-1").kind == .notFound)
            let short = try await Self.reserve(mesh, product: product, quantity: 3, order: "X", key: "x-2")
            #expect(short.kind == .outOfStock)
            #expect(short.message.contains("only 2"))
            let retried = try await Self.reserve(mesh, product: product, quantity: 2, order: "X", key: "x-2")
            #expect(retried.kind == .ok)
            let withoutKey = try await mesh.internalCall(
                .merchants, "stock.reserve", ["product_id": .id(product), "quantity": .integer(1), "order_ref": "X"])
            #expect(withoutKey.kind != .ok)
            let tooMany = try await Self.reserve(mesh, product: product, quantity: 10_001, order: "X", key: "x-3")
            #expect(tooMany.kind == .invalidParams)
            try await fixture.database.execute("UPDATE merchants.goods SET status = 2 WHERE id = \(goods)")
            try await fixture.database.execute("UPDATE merchants.products SET stock = 5 WHERE id = \(product)")
            #expect(try await Self.reserve(mesh, product: product, order: "X", key: "x-4").kind == .invalidState)
            #expect(try await Self.move(mesh, "stock.commit", reservation: .id(999_999), key: "x-5").kind == .notFound)
        }
    }
}
