import Foundation
import Mesh
import ServiceKit

/// Places a points-mall order (`order.submit`), paid in gold coins on creation:
///
/// 1. reads the goods and product (`goods.snapshot`: the `points` catalogue, on sale, enough stock), the
///    customer's holdings against the goods' per-person limit and the delivery address (`addresses.get`,
///    the customer's own) — nothing is used up by a refusal here, not even the request token;
/// 2. uses the request token (`requesttokens.consume`): a second submission with it is refused;
/// 3. writes the order `placing` (the limit checked again under a lock);
/// 4. reserves the stock, spends the coins, commits the stock, each under the order's keys
///    (`PointsOrderMovements`), and the order is `paid`, awaiting shipment.
///
/// When step 4 is refused or fails, the order is abandoned and what it took is given back at once (or by
/// the sweep, if a service does not answer), so a half-placed order never keeps coins or stock.
struct PointsOrderPlacement: Sendable {
    let book: PointsOrderBook
    let movements: PointsOrderMovements
    let time: DisplayTime
    let logger: Logger

    var mesh: MeshClient { movements.mesh }

    func place(_ input: PointsOrderInput, accountID: Int64, requestID: String?) async throws -> PointsOrderRecord {
        let goods = try await snapshot(input, requestID: requestID)
        let product = goods.product
        guard input.quantity <= product.stock else {
            throw PlainRefusal(.outOfStock, product.stock == 0 ? "库存不足" : "库存不足，仅剩 \(product.stock) 件")
        }
        let (total, overflow) = product.price.multipliedReportingOverflow(by: input.quantity)
        guard !overflow, total <= PointsMovementRequest.maximumPoints else {
            throw PlainRefusal.invalid("兑换总价超出上限")
        }
        if goods.limitCount > 0 {
            let held = try await book.held(goodsID: goods.goodsID, accountID: accountID)
            guard held + input.quantity <= goods.limitCount else { throw Self.limitRefusal(goods.limitCount, held) }
        }
        let receiver = try await address(input.addressID, accountID: accountID, requestID: requestID)
        let orderSN = try await book.nextOrderNumber(time: time)
        try await useToken(input.requestToken, accountID: accountID, orderSN: orderSN, requestID: requestID)
        let item = PointsOrderItem(
            goodsID: goods.goodsID, goodsName: goods.name, goodsImage: goods.pic, productID: product.productID,
            specVal: product.specKey, marketPrice: product.marketPrice, salesPrice: product.price,
            quantity: input.quantity, paymentPrice: total, totalPrice: total)
        let draft = PointsOrderDraft(accountID: accountID, item: item, receiver: receiver, limitCount: goods.limitCount)
        let order: PointsOrderRecord
        switch try await book.place(draft, orderSN: orderSN) {
        case .success(let placed): order = placed
        case .failure(let reached): throw Self.limitRefusal(reached.limit, reached.held)
        }
        return try await carryOut(order, requestID: requestID)
    }

    /// Step 4: reserve, spend, commit, paid; on any refusal or failure the order is abandoned.
    private func carryOut(_ order: PointsOrderRecord, requestID: String?) async throws -> PointsOrderRecord {
        let reservation: Int64
        switch await movements.reserve(order, requestID: requestID) {
        case .ok(let made): reservation = made.reservationID
        case .refused(let reply):
            await abandon(order)
            switch reply.kind {
            case .outOfStock: throw PlainRefusal(.outOfStock, "库存不足")
            case .invalidState: throw PlainRefusal(.invalidState, "商品已下架")
            case .notFound: throw PlainRefusal.notFound("货品不存在")
            default: throw UpstreamFailure(contract: StockReserve.self, refusal: reply)
            }
        case .failed(let error):
            await abandon(order)
            throw UpstreamFailure(contract: StockReserve.self, error: error)
        }
        try await book.recordReservation(reservation, of: order.id)
        if order.totalPrice > 0 {
            switch await movements.spend(order, requestID: requestID) {
            case .ok: try await book.recordCoinsSpent(of: order.id)
            case .refused(let reply):
                await abandon(order)
                guard reply.data?["refusal"]?.stringValue == "insufficient_points" else {
                    throw UpstreamFailure(contract: PointsSpend.self, refusal: reply)
                }
                throw PlainRefusal(.insufficientBalance, "金币不足")
            case .failed(let error):
                await abandon(order)
                throw UpstreamFailure(contract: PointsSpend.self, error: error)
            }
        }
        switch await movements.commit(order, reservation: reservation, requestID: requestID) {
        case .ok: break
        case .refused:
            await abandon(order)
            throw PlainRefusal(.invalidState, "下单失败，请重新下单")
        case .failed(let error):
            await abandon(order)
            throw UpstreamFailure(contract: StockCommit.self, error: error)
        }
        switch try await book.apply(.placed, toOrder: order.id, actor: "customer:\(order.accountID)") {
        case .success(let moved): return moved.order
        case .failure:
            // The sweep found the placing stale and abandoned it meanwhile: it is given back, not paid.
            await abandon(order)
            throw PlainRefusal(.invalidState, "下单失败，请重新下单")
        }
    }

    /// Abandons order `order` (unless the sweep already did) and gives back what it took; a give-back
    /// that cannot finish now is left to the sweep.
    func abandon(_ order: PointsOrderRecord) async {
        do {
            switch try await book.apply(.abandoned, toOrder: order.id, actor: "placing") {
            case .success(let moved): try await settle(moved.order)
            case .failure:
                if let current = try await book.find(id: order.id), current.state == .undoing {
                    try await settle(current)
                }
            }
        } catch {
            logger.warning(
                "points order not given back yet; the sweep finishes it",
                [("order", .string(order.orderSN)), ("error", .string("\(error)"))])
        }
    }

    /// Gives back what `order` (undoing, or closed with its returns pending) took and records it: an
    /// undoing order is then failed.
    func settle(_ order: PointsOrderRecord) async throws {
        try await movements.giveBack(order)
        if order.state == .undoing {
            _ = try await book.apply(.undone, toOrder: order.id, actor: "give-back")
        } else {
            try await book.recordReturned(of: order.id)
        }
    }

    private func snapshot(_ input: PointsOrderInput, requestID: String?) async throws -> GoodsSnapshot.Reply {
        switch await mesh.call(
            GoodsSnapshot.self, GoodsSnapshot.Request(goodsID: input.goodsID, productID: input.productID),
            requestID: requestID)
        {
        case .ok(let goods):
            guard goods.catalogue == "points" else { throw PlainRefusal.notFound("商品不存在") }
            guard goods.onSale else { throw PlainRefusal(.invalidState, "商品已下架") }
            return goods
        case .refused(let reply) where reply.kind == .notFound:
            throw PlainRefusal.notFound(input.productID == nil ? "商品不存在" : "商品或货品不存在")
        case .refused(let reply) where reply.kind == .invalidParams:
            throw PlainRefusal.invalid("该商品有多个规格，请选择货品 productid")
        case .refused(let reply):
            throw UpstreamFailure(contract: GoodsSnapshot.self, refusal: reply)
        case .failed(let error):
            throw UpstreamFailure(contract: GoodsSnapshot.self, error: error)
        }
    }

    private func address(_ id: Int64?, accountID: Int64, requestID: String?) async throws -> PointsReceiver {
        switch await mesh.call(
            AddressesGet.self, AddressesGet.Request(accountID: accountID, addressID: id), requestID: requestID)
        {
        case .ok(let found):
            return PointsReceiver(
                name: found.receiver, province: found.provinceName, city: found.cityName, district: found.countyName,
                street: "", address: found.detail, mobile: found.phone)
        case .refused(let reply) where reply.kind == .notFound:
            throw PlainRefusal.notFound(id == nil ? "请先添加收货地址" : "收货地址不存在")
        case .refused(let reply):
            throw UpstreamFailure(contract: AddressesGet.self, refusal: reply)
        case .failed(let error):
            throw UpstreamFailure(contract: AddressesGet.self, error: error)
        }
    }

    /// Uses the request token under the key of order `orderSN`; auth's refusal (unknown, expired, used) is
    /// the client's answer.
    private func useToken(_ token: String, accountID: Int64, orderSN: String, requestID: String?) async throws {
        switch await mesh.call(
            RequestTokenConsume.self, RequestTokenConsume.Request(token: token, accountID: accountID),
            idempotencyKey: PointsOrderMovements.key(orderSN, "token"), requestID: requestID)
        {
        case .ok: return
        case .refused(let reply) where [.notFound, .codeExpired, .replayed].contains(reply.kind):
            throw PlainRefusal(reply.kind, reply.message)
        case .refused(let reply):
            throw UpstreamFailure(contract: RequestTokenConsume.self, refusal: reply)
        case .failed(let error):
            throw UpstreamFailure(contract: RequestTokenConsume.self, error: error)
        }
    }

    private static func limitRefusal(_ limit: Int64, _ held: Int64) -> PlainRefusal {
        PlainRefusal(.invalidState, held > 0 ? "该商品每人限兑 \(limit) 件，您已兑换 \(held) 件" : "该商品每人限兑 \(limit) 件")
    }
}
