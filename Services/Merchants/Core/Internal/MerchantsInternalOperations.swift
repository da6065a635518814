import JSON
import Mesh
import ServiceKit

/// The operations other services call on `POST /internal/{name}`, one per contract:
///
/// - `goods.snapshot` (`GoodsSnapshot`): a goods item and one product at the current price;
///   `goods.snapshots` (`GoodsSnapshots`): several of them in one call.
/// - `stock.reserve`, `stock.commit`, `stock.release` (`StockReserve`, `StockCommit`, `StockRelease`):
///   the stock of an order, each applied once per idempotency key (`StockKeeper`).
/// - `merchants.centre` (`MerchantCentre`): a merchant's operations centre.
/// - `merchants.staff` (`MerchantStaff`): the merchants an account works for.
struct MerchantsInternalOperations: Sendable {
    let stores: MerchantsStores

    func register(on handlers: inout InternalHandlers) {
        let operations = self
        handlers.on(GoodsSnapshot.self) { request, _, _ in try await operations.snapshot(request) }
        handlers.on(GoodsSnapshots.self) { request, _, _ in try await operations.snapshots(request) }
        handlers.on(StockReserve.self) { request, call, _ in
            let key = try call.checkedIdempotencyKey()
            let today = operations.stores.settings.today()
            return Self.answer(try await operations.stores.stock.reserve(request, key: key, today: today))
        }
        handlers.on(StockCommit.self) { request, call, _ in
            let key = try call.checkedIdempotencyKey()
            return Self.answer(
                try await operations.stores.stock.move(.commit, request, operation: StockCommit.name, key: key))
        }
        handlers.on(StockRelease.self) { request, call, _ in
            let key = try call.checkedIdempotencyKey()
            return Self.answer(
                try await operations.stores.stock.move(.release, request, operation: StockRelease.name, key: key))
        }
        handlers.on(MerchantCentre.self) { request, _, _ in try await operations.centre(request) }
        handlers.on(MerchantStaff.self) { request, _, _ in
            .ok(MerchantStaff.Reply(merchantIDs: try await operations.stores.staff.merchants(of: request.accountID)))
        }
    }

    func snapshot(_ request: GoodsSnapshot.Request) async throws -> MeshAnswer<GoodsSnapshot.Reply> {
        guard let (goods, onSale) = try await stores.goods.item(id: request.goodsID, today: stores.settings.today())
        else { return .failure(.notFound, "no goods item \(request.goodsID)") }
        let products = try await stores.goods.products(of: goods.id)
        let product: ProductRecord
        if let productID = request.productID {
            guard let found = products.first(where: { $0.id == productID }) else {
                return .failure(.notFound, "goods item \(goods.id) has no product \(productID)")
            }
            product = found
        } else if let specKey = request.specKey {
            guard let found = products.first(where: { $0.specKey == specKey }) else {
                return .failure(.notFound, "goods item \(goods.id) has no spec \(specKey)")
            }
            product = found
        } else {
            guard products.count == 1, let only = products.first else {
                return products.isEmpty
                    ? .failure(.notFound, "goods item \(goods.id) has no product")
                    : .failure(
                        .invalidParams, "goods item \(goods.id) has several products: name product_id or spec_key")
            }
            product = only
        }
        var merchant = MerchantFacts()
        if let merchantID = goods.merchantID { merchant = try await self.merchant(merchantID, appID: request.appID) }
        return .ok(snapshotReply(goods, onSale: onSale, product: product, merchant: merchant))
    }

    func centre(_ request: MerchantCentre.Request) async throws -> MeshAnswer<MerchantCentre.Reply> {
        guard let centre = try await stores.centres.of(merchant: request.merchantID)?.centre else {
            return .failure(.notFound, "no merchant \(request.merchantID)")
        }
        return .ok(
            MerchantCentre.Reply(
                merchantID: request.merchantID, operID: centre.id, name: centre.name, appID: centre.appID,
                isOwn: centre.isOwn(appID: request.appID)))
    }

    /// The answer to a stock movement: its reservation, replayed or fresh alike.
    private static func answer(_ outcome: IdempotentOutcome<StockReservation>) -> MeshAnswer<StockReservation> {
        switch outcome {
        case .fresh(let reservation), .replayed(let reservation): return .ok(reservation)
        case .keyReused(let reused): return .failure(reused.reply.kind, reused.reply.message)
        }
    }
}
