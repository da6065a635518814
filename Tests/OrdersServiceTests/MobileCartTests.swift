import JSON
import Mesh
import ServiceHarness
import Testing

@testable import OrdersService

/// The mobile mall's cart through its real routes, with the real merchants service and database:
/// lines merge, never pass the stock, refuse bad input clearly, belong to their member only, and show a
/// withdrawn product as not on sale.
@Suite(.serialized)
struct MobileCartTests {
    static let alice = CartMesh.member(501)
    static let bob = CartMesh.member(502)

    @Test func savingTheSameProductMergesIntoOneLineAndTheListShowsItNow() async throws {
        try await CartMesh.with { cart in
            let speaker = try await cart.speaker()
            let mug = try await cart.mug()
            let first = try await cart.save(speaker, "SPK-R", 2, as: Self.alice)
            #expect(first.kind == .ok && first.data == true, "\(first.message)")
            #expect(try await cart.save(speaker, "SPK-R", "3", as: Self.alice).kind == .ok)
            #expect(try await cart.save(speaker, "SPK-B", 1, as: Self.alice).kind == .ok)
            #expect(try await cart.save(mug, "MUG", 1, as: Self.alice).kind == .ok)
            #expect(try await cart.storedLines().count == 3)

            let list = try await cart.list(Self.alice)
            let lines = list["list"]?.arrayValue ?? []
            #expect(lines.count == 3)
            #expect(
                lines.map { $0["proSkuId"]?.int64Value } == [
                    mug.product("MUG"), speaker.product("SPK-B"), speaker.product("SPK-R"),
                ])
            let red = try #require(lines.last)
            #expect(red["proId"] == .integer(speaker.goodsID))
            #expect(red["proName"] == "便携蓝牙音箱")
            #expect(red["pic"] == "http://files.test.example/files/speaker.png")
            #expect(red["spec"] == ["颜色": "红色"])
            #expect(red["sku"] == "SPK-R")
            #expect(red["num"] == 5)
            #expect(red["price"]?.serialized() == "12.5")
            #expect(red["subtotal"]?.serialized() == "62.5")
            #expect(red["onSale"] == true)
            #expect(red["stock"] == 10)
            #expect(lines[1]["marketPrice"]?.serialized() == "12")
            #expect(lines[0]["spec"] == .object([:]))
            #expect(list["totalNum"] == 7)
            #expect(list["totalPrice"]?.serialized() == "107.4")

            #expect(try await cart.list(Self.bob)["list"] == .array([]))
            #expect(try await cart.list(Self.bob)["totalPrice"]?.serialized() == "0")
            #expect(try await cart.mesh.call(.mobile, "member/shopcart/list").kind == .notLoggedIn)
            #expect(try await cart.mesh.call(.mobile, "member/shopcart/save", ["proId": 1]).kind == .notLoggedIn)
        }
    }

    @Test func twentyConcurrentSavesEndAsOneLineWithTheirSum() async throws {
        try await CartMesh.with { cart in
            let speaker = try await cart.speaker(redStock: 10, blackStock: 100)
            let kinds = try await withThrowingTaskGroup(of: ReplyKind.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await cart.save(speaker, "SPK-B", 2, as: Self.alice).kind }
                }
                var kinds: [ReplyKind] = []
                for try await kind in group { kinds.append(kind) }
                return kinds
            }
            #expect(kinds.allSatisfy { $0 == .ok })
            #expect(try await cart.storedLines().map(\.quantity) == [40])

            let overStock = try await withThrowingTaskGroup(of: ReplyKind.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await cart.save(speaker, "SPK-R", 1, as: Self.bob).kind }
                }
                var kinds: [ReplyKind] = []
                for try await kind in group { kinds.append(kind) }
                return kinds
            }
            #expect(overStock.filter { $0 == .ok }.count == 10)
            #expect(overStock.filter { $0 == .outOfStock }.count == 10)
            let stored = try await cart.storedLines()
            #expect(stored.count == 2)
            #expect(stored.filter { $0.account == 502 }.map(\.quantity) == [10])
        }
    }

    @Test func badInputIsRefusedClearlyAndChangesNothing() async throws {
        try await CartMesh.with { cart in
            let speaker = try await cart.speaker(redStock: 10)
            let mug = try await cart.mug()
            let numbers: [JSONValue] = [0, -1, "0", 10_001, "two", .number(JSONNumber(text: "1.5") ?? 0)]
            for number in numbers {
                let reply = try await cart.save(speaker, "SPK-R", number, as: Self.alice)
                #expect(reply.kind == .invalidParams, "num \(number): \(reply.kind)")
                #expect(reply.message.contains("num"), "\(reply.message)")
            }
            let missing = try await cart.mesh.call(
                .mobile, "member/shopcart/save", ["proId": .integer(speaker.goodsID), "num": 1], caller: Self.alice)
            #expect(missing.kind == .missingParameter && missing.message.contains("proSkuId"))

            let above = try await cart.save(speaker, "SPK-R", 11, as: Self.alice)
            #expect(above.kind == .outOfStock && above.message == "库存不足：库存 10 件", "\(above.message)")
            #expect(try await cart.save(speaker, "SPK-R", 8, as: Self.alice).kind == .ok)
            let total = try await cart.save(speaker, "SPK-R", 3, as: Self.alice)
            #expect(total.kind == .outOfStock && total.message == "库存不足：库存 10 件，购物车中已有 8 件")

            let unknownGoods = try await cart.mesh.call(
                .mobile, "member/shopcart/save",
                ["proId": 999_999, "proSkuId": .integer(speaker.product("SPK-R")), "num": 1], caller: Self.alice)
            #expect(unknownGoods.kind == .notFound && unknownGoods.message == "商品不存在")
            let otherItemsProduct = try await cart.mesh.call(
                .mobile, "member/shopcart/save",
                ["proId": .integer(speaker.goodsID), "proSkuId": .integer(mug.product("MUG")), "num": 1],
                caller: Self.alice)
            #expect(otherItemsProduct.kind == .notFound)

            let points = try await cart.merchants.query(
                """
                WITH g AS (INSERT INTO merchants.goods (catalogue, name, status) VALUES ('points', '积分耳机', 1) RETURNING id)
                INSERT INTO merchants.products (goods_id, sku, market_price, price, stock)
                SELECT id, 'PTS-1', 100, 90, 50 FROM g RETURNING goods_id, id
                """)[0]
            let pointsItem = CartMesh.Item(
                goodsID: try points.decode("goods_id"), productIDs: ["PTS-1": try points.decode("id")])
            #expect(try await cart.save(pointsItem, "PTS-1", 1, as: Self.alice).kind == .notFound)

            try await cart.withdraw(mug)
            let withdrawn = try await cart.save(mug, "MUG", 1, as: Self.alice)
            #expect(withdrawn.kind == .invalidState && withdrawn.message == "商品已下架")

            #expect(try await cart.storedLines().map(\.quantity) == [8])
        }
    }

    @Test func numberAndDeleteWorkOnTheMembersOwnLinesOnly() async throws {
        try await CartMesh.with { cart in
            let speaker = try await cart.speaker(redStock: 10)
            #expect(try await cart.save(speaker, "SPK-R", 2, as: Self.alice).kind == .ok)
            let line = try #require(try await cart.list(Self.alice)["list"]?[0]?["shopcartId"])

            func number(_ value: JSONValue, _ member: CallerIdentity = Self.alice) async throws -> CanonicalReply {
                try await cart.mesh.call(
                    .mobile, "member/shopcart/num", ["shopcartId": line, "number": value], caller: member)
            }
            #expect(try await number(7).data == true)
            #expect(try await cart.storedLines().map(\.quantity) == [7])
            let bad: [JSONValue] = [0, -3, 10_001, "x"]
            for bad in bad {
                #expect(try await number(bad).kind == .invalidParams, "number \(bad)")
            }
            let above = try await number(11)
            #expect(above.kind == .outOfStock && above.message == "库存不足：库存 10 件")
            let byNum = try await cart.mesh.call(
                .mobile, "member/shopcart/num", ["shopcartId": line, "num": 4], caller: Self.alice)
            #expect(byNum.kind == .ok)
            #expect(try await cart.storedLines().map(\.quantity) == [4])

            let foreign = try await number(1, Self.bob)
            #expect(foreign.kind == .notFound && foreign.message == "购物车中没有这件商品")
            let foreignDelete = try await cart.mesh.call(
                .mobile, "member/shopcart/del", ["shopcartId": line], caller: Self.bob)
            #expect(foreignDelete.kind == .notFound)
            #expect(try await cart.storedLines().map(\.quantity) == [4])
            #expect(
                try await cart.mesh.call(.mobile, "member/shopcart/del", ["shopcartId": 0], caller: Self.alice).kind
                    == .invalidParams)

            let deleted = try await cart.mesh.call(
                .mobile, "member/shopcart/del", ["shopcartId": line], caller: Self.alice)
            #expect(deleted.kind == .ok && deleted.data == true)
            let again = try await cart.mesh.call(
                .mobile, "member/shopcart/del", ["shopcartId": line], caller: Self.alice)
            #expect(again.kind == .notFound)
            #expect(try await number(1).kind == .notFound)
            #expect(try await cart.storedLines().isEmpty)
        }
    }

    @Test func aLineWhoseProductWasWithdrawnShowsAsNotOnSale() async throws {
        try await CartMesh.with { cart in
            let speaker = try await cart.speaker()
            let mug = try await cart.mug()
            #expect(try await cart.save(speaker, "SPK-R", 1, as: Self.alice).kind == .ok)
            #expect(try await cart.save(mug, "MUG", 2, as: Self.alice).kind == .ok)
            try await cart.withdraw(mug)

            let list = try await cart.list(Self.alice)
            let lines = list["list"]?.arrayValue ?? []
            #expect(lines.count == 2)
            let withdrawn = try #require(lines.first)
            #expect(withdrawn["proName"] == "陶瓷马克杯")
            #expect(withdrawn["onSale"] == false)
            #expect(withdrawn["num"] == 2)
            #expect(lines.last?["onSale"] == true)
            #expect(list["totalNum"] == 1)
            #expect(list["totalPrice"]?.serialized() == "12.5")

            let line = try #require(withdrawn["shopcartId"])
            let change = try await cart.mesh.call(
                .mobile, "member/shopcart/num", ["shopcartId": line, "number": 1], caller: Self.alice)
            #expect(change.kind == .invalidState)
            #expect(
                try await cart.mesh.call(.mobile, "member/shopcart/del", ["shopcartId": line], caller: Self.alice).kind
                    == .ok)
        }
    }
}
