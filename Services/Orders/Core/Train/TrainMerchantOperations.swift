import Foundation
import JSON
import Mesh
import ServiceKit

/// The merchant's side of the train orders (platform additions in the document's envelope): a session
/// opened with `userRole=business` by an account with the merchant flag (1002 otherwise) lists the orders
/// waiting for a merchant (`getRobOrderList`), grabs one (`robOrder`: one merchant wins, the others get
/// 0004), gives it back (`releaseOrder`), submits the booked ticket for the platform's audit
/// (`submitTicket`, its price at most the order's amount) and lists what it holds (`getRobbedOrderList`).
struct TrainMerchantOperations: Sendable {
    let orders: TrainOrderBook
    let mesh: MeshClient

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(.train, "getRobOrderList", access: .account) { call in
            try await operations.asMerchant(call) { _ in
                let page = Int(try call.parameters.requiredInteger("pageNum", in: 1...100_000))
                let size = Int(try call.parameters.requiredInteger("pageSize", in: 1...100))
                let day = try call.parameters.text("departureDate", maxLength: 10)
                if let day, DisplayTime.china.parse(day) == nil || day.count != 10 {
                    throw PlainRefusal.invalid("departureDate 须为 yyyy-MM-dd")
                }
                let (total, found) = try await operations.orders.waiting(
                    page: page, size: size, day: day, from: try call.parameters.text("fromSite", maxLength: 32),
                    to: try call.parameters.text("toSite", maxLength: 32))
                return TrainOrderJSON.page(total: total, page: page, size: size, found)
            }
        }
        handlers.on(.train, "robOrder", access: .account) { call in
            try await operations.asMerchant(call) { merchant in
                let id = try call.parameters.id("id")
                guard try await operations.orders.find(id: id) != nil else {
                    throw PlainRefusal(.notFound, "该订单不存在", code: "0027")
                }
                switch try await operations.orders.apply(
                    .grabbed, toOrder: id, actor: "merchant:\(merchant)", merchantID: merchant)
                {
                case .success: return .ok()
                case .failure: return PlainRefusal(.invalidState, "商户抢单失败", code: "0004").reply(in: .train)
                }
            }
        }
        handlers.on(.train, "releaseOrder", access: .account) { call in
            try await operations.asMerchant(call) { merchant in
                let order = try await operations.heldOrder(call, merchant: merchant)
                switch try await operations.orders.apply(.released, toOrder: order.id, actor: "merchant:\(merchant)") {
                case .success: return .ok()
                case .failure: return PlainRefusal(.invalidState, "当前订单不能放弃", code: "0005").reply(in: .train)
                }
            }
        }
        handlers.on(.train, "submitTicket", access: .account) { call in
            try await operations.asMerchant(call) { merchant in
                let order = try await operations.heldOrder(call, merchant: merchant)
                let number = try call.parameters.required("ticketNo", maxLength: 32)
                let seat = try call.parameters.required("seatInfo", maxLength: 128)
                guard let price = try call.parameters.fen("ticketPrice", maximumFen: order.amount), price > 0 else {
                    throw PlainRefusal.invalid("ticketPrice 须大于 0 且不超过订单金额")
                }
                switch try await operations.orders.apply(
                    .ticketSubmitted, toOrder: order.id, actor: "merchant:\(merchant)",
                    ticket: TrainTicket(number: number, seat: seat, price: price))
                {
                case .success: return .ok()
                case .failure: return PlainRefusal(.invalidState, "商户下单失败", code: "0005").reply(in: .train)
                }
            }
        }
        handlers.on(.train, "getRobbedOrderList", access: .account) { call in
            try await operations.asMerchant(call) { merchant in
                let page = Int(try call.parameters.requiredInteger("pageNum", in: 1...100_000))
                let size = Int(try call.parameters.requiredInteger("pageSize", in: 1...100))
                let (total, found) = try await operations.orders.held(by: merchant, page: page, size: size)
                return TrainOrderJSON.page(total: total, page: page, size: size, found)
            }
        }
    }

    /// Runs `body` for a merchant's business session; anyone else gets 1002.
    func asMerchant(
        _ call: OperationCall, _ body: (Int64) async throws -> CanonicalReply
    ) async throws -> CanonicalReply {
        let refusal = PlainRefusal(.forbidden, "商户未开通此接口权限", code: "1002").reply(in: .train)
        guard call.mesh.caller?.role == .business else { return refusal }
        switch await mesh.call(ProfilesGet.self, AccountRequest(accountID: call.account), requestID: call.requestID) {
        case .ok(let profile) where profile.isMerchant: return try await body(call.account)
        case .ok, .refused: return refusal
        case .failed(let error): throw UpstreamFailure(contract: ProfilesGet.self, error: error)
        }
    }

    /// The order `id` this merchant holds, or the document's 0027.
    private func heldOrder(_ call: OperationCall, merchant: Int64) async throws -> TrainOrderRecord {
        guard let order = try await orders.find(id: try call.parameters.id("id")), order.merchantID == merchant else {
            throw PlainRefusal(.notFound, "该订单不存在", code: "0027")
        }
        return order
    }
}
