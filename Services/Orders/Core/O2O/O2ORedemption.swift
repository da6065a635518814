import Foundation
import JSON
import Mesh
import ServiceKit

/// Redeems verification codes (核销): an operator through the admin surface, or a merchant's staff through
/// the O2O mini-program (`merchant/verify`, a platform addition: the caller's account must be staff of the
/// order's merchant, and another merchant's code answers "not found"). A code redeems once: the order's
/// row lock makes a second device, or a refund at the same moment, lose. Admin operations:
/// `o2o.codes.redeem` (`verify_code`, `merchant_id`? to hold a redemption to one merchant) and
/// `o2o.orders.get` (`order_no`): the order as the document shows it, with its refunds.
struct O2ORedemption: Sendable {
    let orders: O2OOrderBook
    let ledger: RefundLedger
    let mesh: MeshClient

    func register(on handlers: inout OperationHandlers) {
        let redemption = self
        handlers.on(.o2o, "merchant/verify", access: .account) { call in
            let code = try Self.code(call.parameters)
            let merchants: [Int64]
            switch await redemption.mesh.call(
                MerchantStaff.self, AccountRequest(accountID: call.account), requestID: call.requestID)
            {
            case .ok(let reply): merchants = reply.merchantIDs
            case .refused(let refusal): throw UpstreamFailure(contract: MerchantStaff.self, refusal: refusal)
            case .failed(let error): throw UpstreamFailure(contract: MerchantStaff.self, error: error)
            }
            guard !merchants.isEmpty else { throw PlainRefusal(.forbidden, "当前账号不是商户店员，无核销权限") }
            let order = try await redemption.redeem(code, actor: "staff:\(call.account)", merchants: merchants)
            return .ok(O2OOrderJSON.order(order, appID: call.mesh.appID))
        }
    }

    func register(on handlers: inout AdminHandlers) {
        let redemption = self
        handlers.on("o2o.codes.redeem") { call in
            let code = try Self.code(call.parameters)
            let merchant = try call.parameters.positiveInteger("merchant_id", maximum: .max)
            let order = try await redemption.redeem(
                code, actor: "admin:\(call.adminID)", merchants: merchant.map { [$0] })
            return .ok(O2OOrderJSON.order(order, appID: nil))
        }
        handlers.on("o2o.orders.get") { call in
            let orderNo = try call.parameters.required("order_no", maxLength: 32)
            guard let order = try await redemption.orders.find(orderNo: orderNo, accountID: nil) else {
                throw PlainRefusal.notFound("no O2O order \(orderNo)")
            }
            guard case .object(var json) = O2OOrderJSON.order(order, appID: nil) else { return .ok() }
            json["refunds"] = .array(try await redemption.orders.refunds(ofOrder: order.id).map(O2OOrderJSON.refund))
            return .ok(.object(json))
        }
    }

    /// Redeems `code`, held to the orders of `merchants` when given; answers the order after it.
    func redeem(_ code: String, actor: String, merchants: [Int64]?) async throws -> O2OOrderRecord {
        guard let found = try await orders.unusedCode(code) else {
            switch try await orders.latestStatus(ofCode: code) {
            case .redeemed?: throw PlainRefusal(.invalidState, "核销码已使用")
            case .refunded?: throw PlainRefusal(.invalidState, "核销码已退款")
            case .unused?, nil: throw PlainRefusal.notFound("核销码不存在")
            }
        }
        guard let order = try await orders.find(id: found.orderID),
            merchants.map({ $0.contains(order.merchantID) }) ?? true,
            let position = order.codes.firstIndex(where: { $0.id == found.id })
        else { throw PlainRefusal.notFound("核销码不存在") }
        switch try await orders.apply(.redeem(position: position), toOrder: order.id, actor: actor, ledger: ledger) {
        case .success((let after, _)): return after
        case .failure(.state(.codeUsed(.refunded))): throw PlainRefusal(.invalidState, "核销码已退款")
        case .failure: throw PlainRefusal(.invalidState, "核销码已使用")
        }
    }

    private static func code(_ parameters: Parameters) throws -> String {
        let code = try parameters.required("verify_code", maxLength: 32)
        guard code.utf8.count == VoucherCodes.length, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw InputProblem("verify_code", .malformed("须为 \(VoucherCodes.length) 位数字"))
        }
        return code
    }
}
