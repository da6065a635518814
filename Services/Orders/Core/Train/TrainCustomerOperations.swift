import Foundation
import JSON
import Mesh
import ServiceKit

/// The customer's order operations of the train-ticket mini-program (document 000): `createOrder`
/// (answers WeChat Pay's `wx.requestPayment` parameters, signed with HMAC-SHA256 as the document says),
/// `getOrderList`, `getOrderDetails` (0027 for an order that is not the caller's), `payOrder` (1004 paid,
/// 1005 closed), `cancleOrder` (0012 once a merchant has it; a paid order is refunded in full, 0011 when
/// that cannot be recorded) and `returnAmount` (a refund asked of an order waiting for or held by a
/// merchant, which the platform reviews) and `confirmeOrder` (0010 unless the ticket passed the audit;
/// confirming settles the order).
struct TrainCustomerOperations: Sendable {
    let orders: TrainOrderBook
    let book: TradeBook
    let checkout: WeChatPayCheckout
    let ledger: RefundLedger
    let settings: PaymentSettings
    let settler: TrainSettler

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        /// A customer's operation: a merchant's business session is refused with 1002.
        func customer(_ name: String, _ body: @escaping @Sendable (OperationCall) async throws -> CanonicalReply) {
            handlers.on(.train, name, access: .account) { call in
                guard call.mesh.caller?.role != .business else {
                    return PlainRefusal(.forbidden, "商户未开通此接口权限", code: "1002").reply(in: .train)
                }
                return try await body(call)
            }
        }
        customer("createOrder") { try await operations.create($0) }
        customer("getOrderList") { try await operations.list($0) }
        customer("getOrderDetails") { call in
            let order = try await operations.ownOrder(call, id: try call.parameters.id("id"))
            return .ok(.object(TrainOrderJSON.order(order)))
        }
        customer("payOrder") { try await operations.pay($0) }
        customer("cancleOrder") { try await operations.cancel($0) }
        customer("confirmeOrder") { call in
            let order = try await operations.ownOrder(call, id: try call.parameters.id("id"))
            switch try await operations.settler.confirm(order, actor: "customer:\(call.account)") {
            case .success: return .ok()
            case .failure: return PlainRefusal(.invalidState, "订单确认失败", code: "0010").reply(in: .train)
            }
        }
        customer("returnAmount") { call in
            let order = try await operations.ownOrder(call, id: try call.parameters.id("id"))
            switch try await operations.orders.apply(.refundAsked, toOrder: order.id, actor: "customer:\(call.account)")
            {
            case .success: return .ok()
            case .failure:
                return PlainRefusal(.invalidState, "当前订单状态不能退款：只有等待抢单或抢票中的订单可以退款").reply(in: .train)
            }
        }
    }

    func create(_ call: OperationCall) async throws -> CanonicalReply {
        let today = DisplayTime.china.day(of: Date())
        let input = try TrainOrderInput(call.parameters, account: call.account, today: today)
        guard let openID = call.mesh.caller?.openID, !openID.isEmpty else {
            return PlainRefusal(.invalidState, "调用微信获取openid失败", code: "1000").reply(in: .train)
        }
        while true {
            let orderNo = TrainOrderBook.orderNumber()
            let trade = try await book.open(
                TradeDraft(
                    business: .train, businessRef: orderNo, accountID: call.account, amount: input.draft.amount,
                    provider: .wechat, lifetime: settings.tradeLifetime))
            guard try await orders.create(input.draft, orderNo: orderNo, tradeNo: trade.tradeNo) != nil else {
                try await book.close(trade.tradeNo)
                continue
            }
            return try await parameters(tradeNo: trade.tradeNo, call: call, openID: openID)
        }
    }

    func list(_ call: OperationCall) async throws -> CanonicalReply {
        let page = Int(try call.parameters.requiredInteger("pageNum", in: 1...100_000))
        let size = Int(try call.parameters.requiredInteger("pageSize", in: 1...100))
        let (total, found) = try await orders.page(accountID: call.account, page: page, size: size)
        let pages = (total + Int64(size) - 1) / Int64(size)
        return .ok([
            "total": .integer(total), "pages": .integer(pages),
            "datas": .array(found.map { .object(TrainOrderJSON.order($0)) }),
            "pageNum": .integer(Int64(page)),
        ])
    }

    func pay(_ call: OperationCall) async throws -> CanonicalReply {
        let id = try call.parameters.integer("id", in: 1...Int64.max)
        let orderNo = try call.parameters.text("orderNo", maxLength: 22)
        guard id != nil || orderNo != nil else { throw InputProblem("id", .missing) }
        guard let order = try await orders.find(id: id, orderNo: orderNo, accountID: call.account) else {
            return PlainRefusal.notFound("该订单不存在").reply(in: .train)
        }
        switch order.state {
        case .waitPay:
            return try await parameters(tradeNo: order.tradeNo, call: call, openID: call.mesh.caller?.openID)
        case .cancel:
            return PlainRefusal(.invalidState, "当前订单已关闭，请重新下单", code: "1005").reply(in: .train)
        default:
            return PlainRefusal(.invalidState, "商户订单已支付，无需重复操作", code: "1004").reply(in: .train)
        }
    }

    func cancel(_ call: OperationCall) async throws -> CanonicalReply {
        let order = try await ownOrder(call, id: try call.parameters.id("id"))
        switch try await orders.apply(.customerCancels, toOrder: order.id, actor: "customer:\(call.account)") {
        case .failure:
            return PlainRefusal(.invalidState, "订单取消失败", code: "0012").reply(in: .train)
        case .success((_, let decision)) where decision.effects.contains(.refundPayment):
            switch try await ledger.ask(
                tradeNo: order.tradeNo, refundNo: "cancel-\(order.orderNo)", amount: order.amount, reason: "订单取消")
            {
            case .success: return .ok()
            case .failure(let refusal):
                call.logger.warning(
                    "cancelled order not refunded",
                    [("order", .string(order.orderNo)), ("reason", .string(refusal.description))])
                return PlainRefusal(.invalidState, "解冻金额失败", code: "0011").reply(in: .train)
            }
        case .success:
            try await book.close(order.tradeNo)
            do {
                try await checkout.client.close(tradeNo: order.tradeNo)
            } catch {
                call.logger.warning(
                    "WeChat Pay order of a cancelled train order not closed; a late payment will be refunded",
                    [("order", .string(order.orderNo)), ("error", .string(error.description))])
            }
            return .ok()
        }
    }

    /// The caller's order `id`, or the document's 0027.
    func ownOrder(_ call: OperationCall, id: Int64) async throws -> TrainOrderRecord {
        guard let order = try await orders.find(id: id, accountID: call.account) else {
            throw PlainRefusal(.notFound, "该订单不存在", code: "0027")
        }
        return order
    }

    private func parameters(tradeNo: String, call: OperationCall, openID: String?) async throws -> CanonicalReply {
        switch try await checkout.parameters(
            tradeNo: tradeNo, accountID: call.account, openID: openID, clientIP: call.mesh.clientAddress)
        {
        case .success(let fields):
            var reply = JSONObject()
            for name in ["timeStamp", "nonceStr", "package", "signType", "paySign"] {
                reply[name] = fields[name].map(JSONValue.string) ?? .null
            }
            return .ok(.object(reply))
        case .failure(let refusal):
            return refusal.reply(in: .train)
        }
    }
}
