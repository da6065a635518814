import Foundation
import JSON
import Mesh
import ServiceKit

/// The balance recharge of the mobile mall (document 004, 10.5 and 10.8): `member/recharge` checks the
/// pay password and opens a recharge trade waiting for its payment (code 308 with the trade); the member
/// then pays it with WeChat Pay (`weixin/pay/get_jsapi_package`, the `wx.requestPayment` parameters) or
/// Alipay (`alipay/bankspay`). A verified payment credits the balance once (`PaymentHandOver`).
struct MobileRechargeOperations: Sendable {
    /// The document's trade type of a balance recharge.
    static let rechargeTradeType = 101

    /// What a member's recharge trades pay: their balance (`recharge-<account>`).
    static func businessRef(of account: Int64) -> String { "recharge-\(account)" }

    let book: TradeBook
    let checkout: WeChatPayCheckout
    let mesh: MeshClient
    let settings: PaymentSettings

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(.mobile, "member/recharge", access: .account) { call in
            try await operations.recharge(call)
        }
        handlers.on(.mobile, "weixin/pay/get_jsapi_package", access: .account) { call in
            let tradeNo = try call.parameters.required("orderNum", maxLength: 32)
            let openID = try call.parameters.text("openid", maxLength: 128) ?? call.mesh.caller?.openID
            switch try await operations.checkout.parameters(
                tradeNo: tradeNo, accountID: call.account, openID: openID, clientIP: call.mesh.clientAddress)
            {
            case .success(let parameters):
                var reply = JSONObject()
                for name in WeChatPayJSAPI.names { reply[name] = parameters[name].map(JSONValue.string) ?? .null }
                return .ok(.object(reply))
            case .failure(let refusal): return refusal.reply(in: .mobile)
            }
        }
    }

    /// `member/recharge`: `amount` in yuan with at most two decimals, above zero and at most the configured
    /// maximum, and `paypwd`, the member's pay password (221 wrong, 222 none).
    func recharge(_ call: OperationCall) async throws -> CanonicalReply {
        guard let amount = try call.parameters.fen("amount", maximumFen: settings.rechargeMaximumFen) else {
            throw InputProblem("amount", .missing)
        }
        guard amount > 0 else { return PlainRefusal.invalid("充值金额须大于 0").reply(in: .mobile) }
        let password = try call.parameters.secret("paypwd", maxLength: 64) ?? ""
        let check = PayPasswordVerify.Request(accountID: call.account, payPassword: password)
        switch await mesh.call(PayPasswordVerify.self, check, requestID: call.requestID) {
        case .ok: break
        case .refused(let refusal): return refusal
        case .failed(let error): throw UpstreamFailure(contract: PayPasswordVerify.self, error: error)
        }
        let trade = try await book.open(
            TradeDraft(
                business: .recharge, businessRef: Self.businessRef(of: call.account), accountID: call.account,
                amount: amount,
                provider: nil, lifetime: settings.tradeLifetime))
        return .ok([
            "memberId": .id(call.account), "remark": " recharge account balance ",
            "totalFee": Yuan.shortNumber(fen: amount), "tradeNo": .string(trade.tradeNo),
            "tradeType": .integer(Int64(Self.rechargeTradeType)),
            "createTime": .integer(Int64((trade.createdAt.timeIntervalSince1970 * 1000).rounded())), "payType": .null,
        ])
    }
}
