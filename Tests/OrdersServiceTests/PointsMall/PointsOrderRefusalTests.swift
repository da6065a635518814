import JSON
import Mesh
import ServiceHarness
import Testing

@testable import OrdersService

/// What `order.submit` refuses, each with a clear answer and nothing moved: a used, unknown or someone
/// else's request token, bad quantities, goods outside the points mall or withdrawn, a product of other
/// goods, the per-person limit, another customer's address, too few coins.
@Suite(.serialized)
struct PointsOrderRefusalTests {
    @Test func aRequestTokenIsUsedOnceAndOnlyByItsOwner() async throws {
        try await PointsMallBench.with { bench in
            let (caller, account) = try await bench.customer(coins: 1_000)
            _ = try await bench.address(of: account)
            let (goods, products) = try await bench.goods(price: 100, stock: 10)
            let tokens = try await bench.tokens(caller, 2)
            #expect(Set(tokens).count == 2)
            let first = try await bench.submit(caller, goods: goods, product: products[0], token: tokens[0])
            #expect(first.kind == .ok, "\(first.message)")
            let again = try await bench.submit(caller, goods: goods, product: products[0], token: tokens[0])
            #expect(again.kind == .replayed && again.message == "请勿重复提交")

            let unknown = try await bench.submit(
                caller, goods: goods, product: products[0], token: "0123456789abcdef0123456789abcdef")
            #expect(unknown.kind == .notFound && unknown.message == "请求令牌无效，请重新获取")
            let (stranger, strangerAccount) = try await bench.customer(coins: 1_000)
            _ = try await bench.address(of: strangerAccount)
            let stolen = try await bench.submit(stranger, goods: goods, product: products[0], token: tokens[1])
            #expect(stolen.kind == .notFound)
            // A token issued without a session may be used by whoever signs in.
            let guestToken = try await bench.tokens(nil)[0]
            #expect(try await bench.submit(stranger, goods: goods, product: products[0], token: guestToken).kind == .ok)
            // The refusals above used nothing: the owner's second token still works.
            #expect(try await bench.submit(caller, goods: goods, product: products[0], token: tokens[1]).kind == .ok)
            #expect(try await bench.coins(account) == 800)
            #expect(try await bench.stock(products[0]) == 7)

            let missing = try await bench.submit(caller, goods: goods, product: products[0], token: nil)
            #expect(missing.kind == .missingParameter && missing.message.contains("request_token"))
            #expect(try await bench.mesh.call(.yaf, "order.submit", ["goods_id": .integer(goods)]).kind == .notLoggedIn)
        }
    }

    @Test func theConsumeContractAnswersARetryWithTheFirstUse() async throws {
        try await PointsMallBench.with { bench in
            let (caller, account) = try await bench.customer(coins: 0)
            let token = try await bench.tokens(caller)[0]
            let request: JSONObject = ["token": .string(token), "account_id": .id(account)]
            let used = try await bench.mesh.internalCall(.auth, "requesttokens.consume", request, idempotencyKey: "k-1")
            #expect(used.kind == .ok && used.data?["account_id"] == .id(account))
            let retried = try await bench.mesh.internalCall(
                .auth, "requesttokens.consume", request, idempotencyKey: "k-1")
            #expect(retried.kind == .ok && retried.data == used.data)
            let other = try await bench.mesh.internalCall(
                .auth, "requesttokens.consume", request, idempotencyKey: "k-2")
            #expect(other.kind == .replayed)
            let second = try await bench.tokens(caller)[0]
            let reusedKey = try await bench.mesh.internalCall(
                .auth, "requesttokens.consume", ["token": .string(second), "account_id": .id(account)],
                idempotencyKey: "k-1")
            #expect(reusedKey.kind == .invalidState)
            let withoutKey = try await bench.mesh.internalCall(.auth, "requesttokens.consume", request)
            #expect(withoutKey.kind == .missingParameter)
            guard let auth = bench.mesh.database(of: .auth) else { throw InProcessMeshError("no auth database") }
            try await auth.execute("UPDATE auth.request_tokens SET expires_at = now() - interval '1 second'")
            let late = try await bench.submit(caller, goods: 1, product: nil, token: second)
            #expect(late.kind != .ok)
            let expired = try await bench.mesh.internalCall(
                .auth, "requesttokens.consume", ["token": .string(second), "account_id": .id(account)],
                idempotencyKey: "k-3")
            #expect(expired.kind == .codeExpired)
        }
    }

    @Test func badInputIsRefusedClearlyAndMovesNothing() async throws {
        try await PointsMallBench.with { bench in
            let (caller, account) = try await bench.customer(coins: 500)
            let address = try await bench.address(of: account)
            let (goods, products) = try await bench.goods(keys: ["颜色:::红色", "颜色:::黑色"], price: 100, stock: 3, limit: 4)
            let token = try await bench.tokens(caller)[0]
            func refusal(
                goods: Int64, product: Int64?, quantity: JSONValue = 1, address: Int64? = nil
            ) async throws -> CanonicalReply {
                let reply = try await bench.submit(
                    caller, goods: goods, product: product, quantity: quantity, address: address, token: token)
                #expect(reply.kind != .ok, "\(goods)/\(String(describing: product)) x \(quantity) was accepted")
                return reply
            }
            for quantity: JSONValue in [0, -1, "abc", 10_001, "1.5"] {
                let reply = try await refusal(goods: goods, product: products[0], quantity: quantity)
                #expect(
                    reply.kind == .invalidParams && reply.message.contains("quantity"), "\(quantity): \(reply.message)")
            }
            let overStock = try await refusal(goods: goods, product: products[0], quantity: 4)
            #expect(overStock.kind == .outOfStock && overStock.message == "库存不足，仅剩 3 件")
            let noProduct = try await refusal(goods: goods, product: nil)
            #expect(noProduct.kind == .invalidParams && noProduct.message.contains("productid"))
            let (otherGoods, otherProducts) = try await bench.goods("香薰蜡烛礼盒", price: 10, stock: 100)
            let mismatch = try await refusal(goods: goods, product: otherProducts[0])
            #expect(mismatch.kind == .notFound && mismatch.message == "商品或货品不存在")
            #expect(try await refusal(goods: 999_999, product: nil).kind == .notFound)
            let (mall, mallProducts) = try await bench.goods("商城商品", catalogue: "mall", price: 10)
            let notPoints = try await refusal(goods: mall, product: mallProducts[0])
            #expect(notPoints.kind == .notFound && notPoints.message == "商品不存在")
            let (withdrawn, withdrawnProducts) = try await bench.goods("已下架", price: 10, status: 2)
            let off = try await refusal(goods: withdrawn, product: withdrawnProducts[0])
            #expect(off.kind == .invalidState && off.message == "商品已下架")

            let (_, strangerAccount) = try await bench.customer(coins: 0)
            let strangersAddress = try await bench.address(of: strangerAccount)
            let foreign = try await refusal(goods: goods, product: products[0], address: strangersAddress)
            #expect(foreign.kind == .notFound && foreign.message == "收货地址不存在")
            let (homeless, _) = try await bench.customer(coins: 100)
            let noAddress = try await bench.submit(
                homeless, goods: otherGoods, product: nil, token: try await bench.tokens(homeless)[0])
            #expect(noAddress.kind == .notFound && noAddress.message == "请先添加收货地址")

            // Nothing above used the token, moved coins or stock, or left an order.
            #expect(try await bench.orderStates().isEmpty)
            #expect(try await bench.coins(account) == 500)
            #expect(try await bench.stock(products[0]) == 3)
            let placed = try await bench.submit(
                caller, goods: goods, product: products[0], quantity: 3, address: address, token: token)
            #expect(placed.kind == .ok, "\(placed.message)")

            // The limit counts what the customer holds of the goods, any product of it.
            let overLimit = try await bench.submit(
                caller, goods: goods, product: products[1], quantity: 2, token: try await bench.tokens(caller)[0])
            #expect(overLimit.kind == .invalidState && overLimit.message == "该商品每人限兑 4 件，您已兑换 3 件")
            let poor = try await bench.submit(
                caller, goods: otherGoods, product: nil, quantity: 21, token: try await bench.tokens(caller)[0])
            #expect(poor.kind == .insufficientBalance && poor.message == "金币不足")
            #expect(try await bench.coins(account) == 200)
            #expect(try await bench.stock(otherProducts[0]) == 100)
            let failed = try #require(try await bench.orderStates().last)
            #expect(failed.state == "failed")
            #expect(try await bench.reservations(failed.orderSN) == ["released"])
            #expect(try await bench.coinMovements(failed.orderSN).isEmpty)
            #expect(try await bench.list(caller).data?["total"] == 1)
        }
    }
}
