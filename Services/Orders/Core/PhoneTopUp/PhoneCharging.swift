import Mesh
import ServiceKit

/// A member buys phone credit with the wallet's balance (`member/phonecharge`): the number and face
/// value are checked, the pay password verified by auth, the provider asked for its price, the order
/// written (`created`) before the wallet is debited under `phone-<order number>`, then given to the
/// provider. Where a step's outcome is not seen (the wallet or the provider does not answer), the order
/// is left as it stands for the sweep, which finds out and finishes it; money is never moved twice.
struct PhoneCharging: Sendable {
    let targets: TopUpTargets
    let provider: any PhoneTopUpProvider
    let orders: PhoneTopUps
    let wallet: PhoneWallet
    let settlement: PhoneTopUpSettlement
    let mesh: MeshClient
    let marginFen: Int64
    let logger: Logger

    /// What came of a charge.
    enum Outcome: Sendable, Equatable {
        /// The order is paid and with the provider, or on its way there (document code 1005).
        case charging(PhoneTopUpRecord)
        /// The balance does not cover the sell price; nothing was debited (1004).
        case balanceShort(PhoneTopUpRecord)
        /// The provider refused the order for certain after the debit; the debit was given back.
        case failed(PhoneTopUpRecord)
    }

    /// The product of `target` as the provider prices it, and what the member pays for it.
    func quote(_ target: TopUpTarget) async throws -> (quote: ProviderQuote, sellPrice: Int64) {
        let answer: Result<ProviderQuote, ProviderRefusal>
        do {
            answer = try await provider.quote(phone: target.phone, faceValue: target.faceValue)
        } catch {
            logger.warning(
                "phone-credit provider failed", [("step", .string("quote")), ("error", .string(error.detail))])
            throw error
        }
        switch answer {
        case .success(let quote) where quote.purchasePrice > Self.highestPrice(of: target.faceValue):
            logger.warning(
                "phone-credit provider priced out of line",
                [("face_value", .int(target.faceValue.yuan)), ("price", .int(Int(quote.purchasePrice)))])
            throw ProviderFailure(cause: .malformedAnswer, detail: "a price above 110% of the face value")
        case .success(let quote): return (quote, quote.purchasePrice + marginFen)
        case .failure(let refusal): throw Self.refusal(refusal)
        }
    }

    /// The most the platform pays for `faceValue`: 110% of it (providers price credit near its face
    /// value; the document's example pays 1.06 for 1 yuan). A dearer quote is taken for a broken answer.
    static func highestPrice(of faceValue: FaceValue) -> Int64 { faceValue.fen * 11 / 10 }

    /// Charges `target` to `account`, whose pay password the caller gave as `payPassword`.
    func charge(
        _ target: TopUpTarget, account: Int64, payPassword: String, requestID: String?
    ) async throws -> Outcome {
        try await verify(payPassword, of: account, requestID: requestID)
        let (quote, sellPrice) = try await quote(target)
        let order = try await orders.create(
            PhoneTopUpDraft(accountID: account, target: target, quote: quote, sellPrice: sellPrice))
        switch await wallet.debit(order, requestID: requestID) {
        case .moved:
            break
        case .refused(let reply):
            let declined = try await settlement.apply(.debitRefused, to: order.orderNo) ?? order
            if reply.kind == .insufficientBalance { return .balanceShort(declined) }
            throw PlainRefusal(reply.kind, reply.message)
        case .unknown(let error):
            logger.warning(
                "phone top-up debit outcome unknown; left to the sweep",
                [("order", .string(order.orderNo)), ("error", .string(error.detail))])
            throw UpstreamFailure(service: .user, operation: WalletDebit.name, detail: error.detail)
        }
        guard let paid = try await settlement.apply(.debited, to: order.orderNo), paid.state == .paid else {
            // The sweep voided the order while its debit was under way; the debit is given back.
            return .failed(try await orders.find(order.orderNo) ?? order)
        }
        return try await submit(paid)
    }

    /// Gives a paid order to the provider. An answer that proves the provider did not take it fails the
    /// order (and refunds it); no answer, or one that leaves it open, keeps it paid for the sweep.
    func submit(_ order: PhoneTopUpRecord) async throws -> Outcome {
        let answer: Result<ProviderOrder, ProviderRefusal>
        do {
            answer = try await provider.submit(orderNo: order.orderNo, phone: order.phone, faceValue: order.faceValue)
        } catch {
            logger.warning(
                "phone top-up submission not answered; left to the sweep",
                [("order", .string(order.orderNo)), ("error", .string(error.detail))])
            return .charging(order)
        }
        switch answer {
        case .success(let told):
            return .charging(try await settlement.follow(told, of: order.orderNo) ?? order)
        case .failure(let refusal) where refusal.isDefinitive:
            logger.warning(
                "provider refused a phone top-up", [("order", .string(order.orderNo)), ("code", .int(refusal.code))])
            let failed = try await settlement.apply(
                .failed(reason: "\(refusal.code) \(refusal.reason)"), to: order.orderNo)
            return .failed(failed ?? order)
        case .failure(let refusal):
            logger.warning(
                "provider left a phone top-up open; left to the sweep",
                [("order", .string(order.orderNo)), ("code", .int(refusal.code))])
            return .charging(order)
        }
    }

    /// Auth's word on the pay password: its refusals (wrong 221, not set 222, locked) pass through.
    private func verify(_ payPassword: String, of account: Int64, requestID: String?) async throws {
        let request = PayPasswordVerify.Request(accountID: account, payPassword: payPassword)
        switch await mesh.call(PayPasswordVerify.self, request, requestID: requestID) {
        case .ok: return
        case .refused(let reply): throw PlainRefusal(reply.kind, reply.message)
        case .failed(let error): throw error
        }
    }

    /// The caller's answer to a provider refusal of a number or amount.
    static func refusal(_ refusal: ProviderRefusal) -> PhoneTopUpRefusal {
        switch refusal.subject {
        case .number: .badNumber
        case .faceValue: .badFaceValue
        case .other: .provider(refusal.reason)
        }
    }
}
