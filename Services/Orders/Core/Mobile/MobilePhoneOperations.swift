import JSON
import Mesh
import ServiceKit

/// The mobile mall's phone-credit top-up (document 004, section 13): face values, the number check,
/// the product and its prices, the top-up paid from the wallet, and the order's state.
///
/// `member/queryphone` answers 1005 while the order is on its way (`chargeStatus` 0), 1006 once charged
/// (1), 1007 for an order number the member does not have. The document names no answer for a top-up
/// that failed; this platform answers code 300 with `chargeStatus` 9 and says where the money is:
/// "充值失败，款项已退回账户余额" once the debit was given back, "充值失败，款项正在退回账户余额" before.
/// An order the balance could not pay answers 1004 "账户余额不足", also with `chargeStatus` 9.
struct MobilePhoneOperations: Sendable {
    let phoneTopUp: PhoneTopUpModule

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(.mobile, "member/facevalue", access: .account) { _ in
            .ok(.array(FaceValue.all.map { .number(JSONNumber($0.yuan)) }))
        }
        handlers.on(.mobile, "member/phonecheck", access: .account) { call in
            try await operations.check(call)
        }
        handlers.on(.mobile, "member/phonepackage", access: .account) { call in
            let target = try operations.phoneTopUp.targets.target(of: call.parameters).get()
            let (quote, sellPrice) = try await operations.phoneTopUp.charging.quote(target)
            return .ok(
                .object(Self.package(target, cardID: quote.cardID, purchase: quote.purchasePrice, sell: sellPrice)))
        }
        handlers.on(.mobile, "member/phonecharge", access: .account) { call in
            try await operations.charge(call)
        }
        handlers.on(.mobile, "member/queryphone", access: .account) { call in
            try await operations.query(call)
        }
    }

    /// 1000 when the number may take the face value, as the mall's rules and then the provider say.
    func check(_ call: OperationCall) async throws -> CanonicalReply {
        let target = try phoneTopUp.targets.target(of: call.parameters).get()
        let refusal: ProviderRefusal?
        do {
            refusal = try await phoneTopUp.provider.check(phone: target.phone, faceValue: target.faceValue)
        } catch {
            call.logger.warning(
                "phone-credit provider failed", [("step", .string("check")), ("error", .string(error.detail))])
            throw error
        }
        if let refusal { throw PhoneCharging.refusal(refusal) }
        return .ok()
    }

    func charge(_ call: OperationCall) async throws -> CanonicalReply {
        let target = try phoneTopUp.targets.target(of: call.parameters).get()
        let payPassword = try call.parameters.secret("paypwd", maxLength: 64) ?? ""
        switch try await phoneTopUp.charging.charge(
            target, account: call.account, payPassword: payPassword, requestID: call.requestID)
        {
        case .charging(let order):
            return .ok(.object(Self.charge(order, reason: "订单提交成功，等待充值")))
        case .balanceShort(let order):
            var data = Self.package(order)
            data["errorCode"] = 1004
            data["reason"] = "账户余额不足"
            return CanonicalReply(kind: .insufficientBalance, message: "账户余额不足", data: .object(data))
        case .failed(let order):
            return CanonicalReply(
                kind: .providerFailed, message: Self.failureWords(order.state),
                data: .object(Self.charge(order, reason: order.failureReason ?? "充值失败")))
        }
    }

    func query(_ call: OperationCall) async throws -> CanonicalReply {
        guard let orderNo = try? call.parameters.text("orderno", maxLength: 32),
            let stored = try await phoneTopUp.orders.find(orderNo, of: call.account)
        else { throw PhoneTopUpRefusal.unknownOrder }
        let order = try await phoneTopUp.settlement.refresh(stored, provider: phoneTopUp.provider)
        let data: JSONValue = [
            "errorCode": 0, "reason": "查询成功", "purchasePrice": Yuan.shortNumber(fen: order.purchasePrice),
            "sellPrice": Yuan.shortNumber(fen: order.sellPrice), "thirdNo": .string(order.thirdNo ?? ""),
            "chargeStatus": .number(JSONNumber(order.state.chargeStatus)),
        ]
        switch order.state {
        case .created, .paid, .charging: return CanonicalReply(kind: .ok, data: data, dialectCode: "1005")
        case .charged: return .ok(data)
        case .declined: return CanonicalReply(kind: .insufficientBalance, message: "账户余额不足", data: data)
        case .failed, .refunded:
            return CanonicalReply(kind: .providerFailed, message: Self.failureWords(order.state), data: data)
        }
    }

    /// What a failed order's member is told about the money.
    static func failureWords(_ state: PhoneTopUpState) -> String {
        state == .refunded ? "充值失败，款项已退回账户余额" : "充值失败，款项正在退回账户余额"
    }

    /// The product as section 13.3 shows it.
    static func package(_ target: TopUpTarget, cardID: String, purchase: Int64, sell: Int64) -> JSONObject {
        [
            "phone": .string(target.phone), "errorCode": 0, "reason": "查询成功", "carId": .string(cardID),
            "cardName": .string(target.cardName), "faceValue": .number(JSONNumber(target.faceValue.yuan)),
            "purchasePrice": Yuan.shortNumber(fen: purchase), "sellPrice": Yuan.shortNumber(fen: sell),
            "belongArea": .string(target.belongArea),
        ]
    }

    /// An order's product as section 13.5 shows it.
    static func package(_ order: PhoneTopUpRecord) -> JSONObject {
        [
            "phone": .string(order.phone), "errorCode": 0, "reason": "查询成功", "carId": .string(order.cardID),
            "cardName": .string(order.cardName), "faceValue": .number(JSONNumber(order.faceValue.yuan)),
            "purchasePrice": Yuan.shortNumber(fen: order.purchasePrice),
            "sellPrice": Yuan.shortNumber(fen: order.sellPrice), "belongArea": .string(order.belongArea),
        ]
    }

    /// A submitted order as section 13.5 shows it.
    static func charge(_ order: PhoneTopUpRecord, reason: String) -> JSONObject {
        var data = package(order)
        data["reason"] = .string(reason)
        data["status"] = .number(JSONNumber(order.state.chargeStatus))
        data["orderNo"] = .string(order.orderNo)
        data["tradeNo"] = .string(order.tradeNo)
        data["thirdNo"] = .string(order.thirdNo ?? "")
        return data
    }
}
