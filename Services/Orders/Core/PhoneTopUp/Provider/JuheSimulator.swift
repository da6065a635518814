import Crypto
import HTTPCore
import JSON
import ServiceKit

/// A stand-in for Juhe's phone-credit API on the orders service, under `/sandbox/juhe/…` (mounted only
/// outside production), speaking the same protocol (`JuheProtocol`): it checks the key and the sign as
/// Juhe does, answers numbers and face values by the same rules as the mall (the number segments and
/// the carrier prefixes), prices a face value at 99.8% of it, and keeps the orders it takes in
/// `orders.juhe_sandbox_orders`, charging until the configured delay has passed, then charged, or
/// failed for the configured numbers.
struct JuheSimulator: Sendable {
    static let prefix = "/sandbox/juhe"

    let targets: TopUpTargets
    let credentials: JuheCredentials
    let settings: JuheSimulatorSettings
    let orders: JuheSandboxOrders

    var routes: [Route] {
        let simulator = self
        return [
            .get(Self.prefix + JuheProtocol.Path.check) { context in simulator.check(Self.fields(of: context.request))
            },
            .get(Self.prefix + JuheProtocol.Path.query) { context in simulator.query(Self.fields(of: context.request))
            },
            Route([.get, .post], Self.prefix + JuheProtocol.Path.order) { context in
                try await simulator.order(Self.fields(of: context.request))
            },
            .get(Self.prefix + JuheProtocol.Path.status) { context in
                try await simulator.status(Self.fields(of: context.request))
            },
        ]
    }

    /// The price the simulator charges for `faceValue`: 99.8% of it in fen, rounded up.
    static func purchasePrice(of faceValue: FaceValue) -> Int64 { (faceValue.fen * 998 + 999) / 1000 }

    /// The simulator's product id: `1`, the carrier (1 mobile, 2 unicom, 3 telecom, 4 broadnet), the
    /// face value in three digits.
    static func cardID(of target: TopUpTarget) -> String {
        let carrier = (Carrier.allCases.firstIndex(of: target.carrier) ?? 0) + 1
        let face = String(target.faceValue.yuan)
        return "1\(carrier)" + String(repeating: "0", count: 3 - face.count) + face
    }

    func check(_ fields: [String: String]) -> HTTPResponse {
        switch target(fields) {
        case .failure(let refused): return refused
        case .success: return Self.answer(JuheProtocol.Code.success, "允许充值的手机号码及金额")
        }
    }

    func query(_ fields: [String: String]) -> HTTPResponse {
        switch target(fields) {
        case .failure(let refused): return refused
        case .success(let target):
            let result: JSONObject = [
                "cardid": .string(Self.cardID(of: target)), "cardname": .string(target.cardName),
                "inprice": .string(Yuan.text(fen: Self.purchasePrice(of: target.faceValue))),
                "game_area": .string(target.belongArea),
            ]
            return Self.answer(JuheProtocol.Code.success, "查询成功", result)
        }
    }

    func order(_ fields: [String: String]) async throws -> HTTPResponse {
        let target: TopUpTarget
        switch self.target(fields) {
        case .failure(let refused): return refused
        case .success(let found): target = found
        }
        guard let orderID = fields["orderid"], JuheProtocol.isOrderID(orderID) else {
            return Self.answer(JuheProtocol.Code.orderNumberTaken, "错误的订单号")
        }
        let expected = JuheProtocol.sign(
            openID: credentials.openID, key: credentials.key, phone: target.phone, cardNum: target.faceValue.yuan,
            orderID: orderID)
        guard constantTimeEquals(fields["sign"] ?? "", expected) else {
            return Self.answer(JuheProtocol.Code.wrongSign, "校验值sign错误")
        }
        let draft = JuheSandboxDraft(
            orderID: orderID, phone: target.phone, cardID: Self.cardID(of: target), faceValue: target.faceValue,
            orderCash: Self.purchasePrice(of: target.faceValue), fails: settings.failingNumbers.contains(target.phone))
        guard let taken = try await orders.take(draft) else {
            return Self.answer(JuheProtocol.Code.orderNumberTaken, "订单号重复")
        }
        let result: JSONObject = [
            "cardid": .string(draft.cardID), "cardnum": "1", "ordercash": Yuan.number(fen: taken.orderCash),
            "cardname": .string(target.cardName), "sporder_id": .string(taken.sporderID), "uorderid": .string(orderID),
            "game_userid": .string(target.phone), "game_state": "0",
        ]
        return Self.answer(JuheProtocol.Code.success, "订单提交成功，等待充值", result)
    }

    func status(_ fields: [String: String]) async throws -> HTTPResponse {
        guard constantTimeEquals(fields["key"] ?? "", credentials.key) else {
            return Self.answer(JuheProtocol.Code.wrongKey, "错误的请求KEY")
        }
        guard let orderID = fields["orderid"], JuheProtocol.isOrderID(orderID),
            let order = try await orders.find(orderID)
        else { return Self.answer(JuheProtocol.Code.unknownOrder, "订单不存在") }
        let result: JSONObject = [
            "uordercash": .string(Yuan.text(fen: order.orderCash) + "0"), "sporder_id": .string(order.sporderID),
            "game_state": .string(String(order.gameState)),
        ]
        return Self.answer(JuheProtocol.Code.success, "查询成功", result)
    }

    /// A request's target, or the answer refusing its key, number or face value.
    private enum Judged {
        case success(TopUpTarget)
        case failure(HTTPResponse)
    }

    /// The key, number and face value of a request, or the answer refusing them.
    private func target(_ fields: [String: String]) -> Judged {
        guard constantTimeEquals(fields["key"] ?? "", credentials.key) else {
            return .failure(Self.answer(JuheProtocol.Code.wrongKey, "错误的请求KEY"))
        }
        switch targets.target(phone: fields["phoneno"], faceValue: fields["cardnum"]) {
        case .success(let target): return .success(target)
        case .failure(let refusal) where refusal.code == .badFaceValue:
            return .failure(Self.answer(JuheProtocol.Code.wrongAmount, "错误的充值金额"))
        case .failure:
            return .failure(Self.answer(JuheProtocol.Code.wrongNumber, "错误的手机号码"))
        }
    }

    /// The query's fields, and for a form POST the body's (the body's win).
    private static func fields(of request: HTTPRequest) -> [String: String] {
        var fields: [String: String] = [:]
        for (name, value) in request.queryParameters + request.formParameters { fields[name] = value }
        return fields
    }

    private static func answer(_ code: Int, _ reason: String, _ result: JSONObject? = nil) -> HTTPResponse {
        let body: JSONValue = [
            "reason": .string(reason), "result": result.map(JSONValue.object) ?? .null,
            "error_code": .number(JSONNumber(code)),
        ]
        return .json(body.serialized())
    }
}
