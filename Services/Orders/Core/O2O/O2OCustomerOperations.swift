import Foundation
import JSON
import Mesh
import ServiceKit

/// The buyer's order operations of the O2O mini-program (document 001): `orders`, `order/detail`,
/// `order/buy`, `order/refund`, and the platform addition `order/pay` (the WeChat Pay parameters of an
/// unpaid order, asked in the mini-program of the goods' operations centre: the target of the bridge).
/// They need an account (a bound mobile); another buyer's order number answers "not found".
///
/// `order/buy` snapshots the goods at today's price, keeps the buyer within the goods' `limit_count`
/// (units over all of the buyer's orders that are not cancelled or closed), opens the trade, writes the
/// order and reserves its stock (refused: the order is forgotten and the trade closed). When the goods
/// belong to another operations centre, a scene carrying `{user_id, order_no}` is created for the
/// bridge, whose address the answer carries in `bridge`.
struct O2OCustomerOperations: Sendable {
    static let pageSize = 20

    let orders: O2OOrderBook
    let book: TradeBook
    let checkout: WeChatPayCheckout
    let ledger: RefundLedger
    let refunds: RefundSender
    let followUp: O2OFollowUp
    let mesh: MeshClient
    let payments: PaymentSettings
    let settings: O2OSettings

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(.o2o, "orders", access: .account) { try await operations.list($0) }
        handlers.on(.o2o, "order/detail", access: .account) { call in
            let order = try await operations.ownOrder(call)
            return .ok(O2OOrderJSON.order(order, appID: call.mesh.appID))
        }
        handlers.on(.o2o, "order/buy", access: .account) { try await operations.buy($0) }
        handlers.on(.o2o, "order/pay", access: .account) { try await operations.pay($0) }
        handlers.on(.o2o, "order/refund", access: .account) { try await operations.refund($0) }
    }

    func list(_ call: OperationCall) async throws -> CanonicalReply {
        var status: O2OOrderStatus?
        if let given = try call.parameters.integer("status", in: 0...99), given != 0 {
            guard let known = O2OOrderStatus(rawValue: given) else {
                throw InputProblem("status", .malformed("须为 1、2、3、4、6 或 7"))
            }
            status = known
        }
        let page = Int(try call.parameters.integer("page", in: 1...100_000) ?? 1)
        let (total, found) = try await orders.page(
            accountID: call.account, status: status, page: page, size: Self.pageSize)
        return .ok([
            "total": .integer(total),
            "list": .array(found.map { O2OOrderJSON.order($0, appID: call.mesh.appID) }),
        ])
    }

    func buy(_ call: OperationCall) async throws -> CanonicalReply {
        let goodsID = try call.parameters.id("goods_id")
        let number = try call.parameters.requiredInteger("number", in: 1...StockReserve.maximumQuantity)
        let mobile = try notifyMobile(call)
        guard let appID = call.mesh.appID else { return .failure(.unknownApp, "微信appid不存在") }
        async let snapshotOutcome = mesh.call(
            GoodsSnapshot.self, GoodsSnapshot.Request(goodsID: goodsID, appID: appID), requestID: call.requestID)
        async let profileOutcome = mesh.call(
            ProfilesGet.self, AccountRequest(accountID: call.account), requestID: call.requestID)
        let goods: GoodsSnapshot.Reply
        switch await snapshotOutcome {
        case .ok(let reply): goods = reply
        case .refused(let refusal) where refusal.kind == .notFound: throw PlainRefusal.notFound("商品不存在")
        case .refused(let refusal): throw UpstreamFailure(contract: GoodsSnapshot.self, refusal: refusal)
        case .failed(let error): throw UpstreamFailure(contract: GoodsSnapshot.self, error: error)
        }
        guard goods.catalogue == "voucher", let merchantID = goods.merchantID, let operID = goods.operID,
            let operAppID = goods.operAppID
        else { throw PlainRefusal.notFound("商品不存在") }
        guard goods.onSale else { throw PlainRefusal(.invalidState, "商品已下架或不在有效期内") }
        guard number <= goods.product.stock else { throw PlainRefusal(.outOfStock, "库存不足，仅剩 \(goods.product.stock) 件") }
        let name: String
        switch await profileOutcome {
        case .ok(let profile):
            name = [profile.realName, profile.nickname].lazy.compactMap { $0 }.first { !$0.isEmpty } ?? ""
        case .refused, .failed: name = ""
        }
        var placed: (order: O2OOrderRecord, trade: TradeRecord)?
        while placed == nil {
            let orderNo = O2OOrderBook.orderNumber()
            let trade = try await book.open(
                TradeDraft(
                    business: .o2o, businessRef: orderNo, accountID: call.account,
                    amount: goods.product.price * number, provider: .wechat, lifetime: payments.tradeLifetime))
            let draft = O2OOrderDraft(
                orderNo: orderNo, accountID: call.account, appID: appID, operID: operID, operAppID: operAppID,
                userName: String(name.prefix(64)), notifyMobile: mobile, merchantID: merchantID,
                merchantName: goods.merchantName ?? "", goodsID: goods.goodsID, goodsName: goods.name,
                goodsPic: goods.pic, goodsThumbURL: goods.thumbURL, productID: goods.product.productID,
                price: goods.product.price, buyNumber: number, tradeNo: trade.tradeNo)
            switch try await orders.create(draft, limit: goods.limitCount) {
            case .created(let order): placed = (order, trade)
            case .numberTaken: try await book.close(trade.tradeNo)
            case .refused(let refusal):
                try await book.close(trade.tradeNo)
                throw refusal
            }
        }
        guard let (order, trade) = placed else { throw PlainRefusal(.internal, "订单未能创建") }
        let orderNo = order.orderNo
        let reservation: StockReservation
        switch await followUp.reserve(order) {
        case .ok(let made): reservation = made
        case .refused(let refusal):
            try await orders.discard(order.id)
            try await book.close(trade.tradeNo)
            switch refusal.kind {
            case .outOfStock: throw PlainRefusal(.outOfStock, "库存不足")
            case .invalidState: throw PlainRefusal(.invalidState, "商品已下架或不在有效期内")
            default: throw UpstreamFailure(contract: StockReserve.self, refusal: refusal)
            }
        case .failed(let error):
            throw UpstreamFailure(contract: StockReserve.self, error: error)
        }
        var sceneID: String?
        if operAppID != appID {
            let scene = ScenesCreate.Request(
                accountID: call.account,
                payload: ["user_id": .integer(call.account), "order_no": .string(orderNo)],
                lifetimeSeconds: payments.tradeLifetime.components.seconds)
            switch await mesh.call(
                ScenesCreate.self, scene, idempotencyKey: "o2o-scene-\(orderNo)", requestID: call.requestID)
            {
            case .ok(let reply): sceneID = reply.sceneID
            case .refused(let refusal): throw UpstreamFailure(contract: ScenesCreate.self, refusal: refusal)
            case .failed(let error): throw UpstreamFailure(contract: ScenesCreate.self, error: error)
            }
        }
        try await orders.attach(reservation: reservation.reservationID, sceneID: sceneID, toOrder: order.id)
        var reply: JSONObject = ["order_no": .string(orderNo), "isOperSelf": .integer(sceneID == nil ? 1 : 0)]
        if sceneID == nil {
            reply["sdk_config"] = try await sdkConfig(tradeNo: trade.tradeNo, call: call)
        } else {
            reply["bridge"] = bridge(order)
        }
        return .ok(.object(reply))
    }

    func pay(_ call: OperationCall) async throws -> CanonicalReply {
        let order = try await ownOrder(call)
        switch order.status {
        case .unpaid: break
        case .cancelled, .closed: throw PlainRefusal(.invalidState, "订单已关闭，请重新下单")
        case .paid, .refunded, .completed: throw PlainRefusal(.invalidState, "订单已支付，无需重复支付")
        }
        guard order.operAppID == call.mesh.appID else {
            return CanonicalReply(
                kind: .invalidState, message: "请在商品所属运营中心的小程序中支付", data: .object(["bridge": bridge(order)]))
        }
        return .ok(
            .object([
                "order_no": .string(order.orderNo),
                "sdk_config": try await sdkConfig(tradeNo: order.tradeNo, call: call),
            ]))
    }

    func refund(_ call: OperationCall) async throws -> CanonicalReply {
        let order = try await ownOrder(call)
        switch try await orders.apply(
            .refundUnused, toOrder: order.id, actor: "customer:\(call.account)", ledger: ledger)
        {
        case .failure(.state(.completed)): throw PlainRefusal(.invalidState, "订单已完成，不可退款")
        case .failure(.state(.nothingToRefund)): throw PlainRefusal(.invalidState, "订单没有可退款的核销码")
        case .failure(.state), .failure(.unknownOrder): throw PlainRefusal(.invalidState, "订单未支付，无法退款")
        case .failure(.refund(let refusal)):
            call.logger.warning(
                "O2O refund not recorded",
                [("order", .string(order.orderNo)), ("reason", .string(refusal.description))])
            throw PlainRefusal(.invalidState, "退款失败，请稍后再试")
        case .success:
            break
        }
        guard let recorded = try await orders.refunds(ofOrder: order.id).last else {
            throw PlainRefusal(.internal, "退款记录丢失")
        }
        try await refunds.send(refundNo: recorded.refundNo)
        await followUp.returnStock(recorded.refundNo)
        let sent = try await orders.refund(recorded.refundNo) ?? recorded
        return .ok(O2OOrderJSON.refund(sent))
    }

    /// The caller's order `order_no`, or "not found".
    func ownOrder(_ call: OperationCall) async throws -> O2OOrderRecord {
        let orderNo = try call.parameters.required("order_no", maxLength: 32)
        guard let order = try await orders.find(orderNo: orderNo, accountID: call.account) else {
            throw PlainRefusal.notFound("订单不存在")
        }
        return order
    }

    /// `notify_mobile`, or the account's own mobile when it is empty.
    private func notifyMobile(_ call: OperationCall) throws -> String {
        if let given = try call.parameters.text("notify_mobile", maxLength: 11), !given.isEmpty {
            guard MobileNumber.isValid(given) else { throw InputProblem("notify_mobile", .malformed("须为 11 位手机号")) }
            return given
        }
        guard let own = call.mesh.caller?.facts?.mobile, MobileNumber.isValid(own) else {
            throw InputProblem("notify_mobile", .missing)
        }
        return own
    }

    /// What the bridge page needs: its address with the document's parameters.
    private func bridge(_ order: O2OOrderRecord) -> JSONValue {
        let query = [
            ("targetOperId", String(order.operID)), ("orderNo", order.orderNo), ("userId", String(order.accountID)),
            ("page", settings.bridgePage),
        ]
        // Every value is digits or a page path (`O2OSettings.isPage`): nothing to escape in a query.
        let url = settings.bridgeURL + "?" + query.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        return .object([
            "targetOperId": .integer(order.operID), "orderNo": .string(order.orderNo),
            "userId": .integer(order.accountID), "page": .string(settings.bridgePage), "url": .string(url),
        ])
    }

    /// The document's `sdk_config`: WeChat Pay's `wx.requestPayment` parameters.
    private func sdkConfig(tradeNo: String, call: OperationCall) async throws -> JSONValue {
        switch try await checkout.parameters(
            tradeNo: tradeNo, accountID: call.account, openID: call.mesh.caller?.openID,
            clientIP: call.mesh.clientAddress, appID: call.mesh.appID)
        {
        case .success(let fields):
            return .object([
                "appId": .optional(fields["appId"]), "nonceStr": .optional(fields["nonceStr"]),
                "package": .optional(fields["package"]), "signType": .optional(fields["signType"]),
                "paySign": .optional(fields["paySign"]), "timestamp": .optional(fields["timeStamp"]),
            ])
        case .failure(let refusal):
            throw refusal
        }
    }
}
