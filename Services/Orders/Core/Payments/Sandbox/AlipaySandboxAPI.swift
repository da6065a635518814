import Foundation
import HTTPCore
import JSON
import ServiceKit

/// The simulated Alipay's server API: `alipay.trade.query`, `alipay.trade.close` and
/// `alipay.trade.refund` on the trades the simulator keeps, answered as Alipay answers
/// (`{"<method>_response":{…},"sign":"…"}`, code 10000 or a refusal with its sub code), signed with the
/// simulated Alipay's private key over the response object's text.
struct AlipaySandboxAPI: Sendable {
    let sandbox: AlipaySandbox

    func answer(_ method: String, business: JSONObject) async throws -> HTTPResponse {
        let trades = sandbox.trades
        let appID = sandbox.appID
        switch method {
        case "alipay.trade.query":
            guard let trade = try await find(business) else { return try refusal(.notFound, method) }
            var response = success(trade)
            response["trade_status"] = .string(trade.state)
            response["total_amount"] = .string(Yuan.text(fen: trade.totalAmount))
            if trade.isPaid {
                response["receipt_amount"] = .string(Yuan.text(fen: trade.totalAmount))
                response["buyer_pay_amount"] = .string(Yuan.text(fen: trade.totalAmount))
                if let paidAt = trade.paidAt { response["send_pay_date"] = .string(DisplayTime.china.format(paidAt)) }
            }
            return try signed(response, method)
        case "alipay.trade.close":
            guard let outTradeNo = try await outTradeNo(business) else { return try refusal(.notFound, method) }
            switch try await trades.close(appID: appID, outTradeNo: outTradeNo) {
            case .success(let trade): return try signed(success(trade), method)
            case .failure(let problem): return try refusal(problem, method)
            }
        case "alipay.trade.refund":
            guard let outTradeNo = try await outTradeNo(business) else { return try refusal(.notFound, method) }
            guard let amount = business["refund_amount"]?.stringValue.flatMap(Yuan.fen), amount > 0 else {
                return try refusal(.invalid("isv.invalid-parameter", "refund_amount 不合法"), method)
            }
            let requestNo = business["out_request_no"]?.stringValue ?? outTradeNo
            guard (1...64).contains(requestNo.utf8.count) else {
                return try refusal(.invalid("isv.invalid-parameter", "out_request_no 不合法"), method)
            }
            let reason = String((business["refund_reason"]?.stringValue ?? "").prefix(256))
            switch try await trades.refund(
                appID: appID, outTradeNo: outTradeNo, requestNo: requestNo, amount: amount, reason: reason)
            {
            case .success(let (trade, fundChanged)):
                var response = success(trade)
                response["fund_change"] = .string(fundChanged ? "Y" : "N")
                response["refund_fee"] = .string(Yuan.text(fen: trade.refunded))
                response["gmt_refund_pay"] = .string(DisplayTime.china.format(Date()))
                return try signed(response, method)
            case .failure(let problem):
                return try refusal(problem, method)
            }
        default:
            return try refusal(.invalid("isv.invalid-method", "不存在的方法名"), method)
        }
    }

    /// A refusal of `method`, signed like any answer (`error_response` for a method the simulator does
    /// not know).
    func refusal(_ problem: AlipaySandboxProblem, _ method: String) throws -> HTTPResponse {
        let known = ["alipay.trade.query", "alipay.trade.close", "alipay.trade.refund"].contains(method)
        let response: JSONObject = [
            "code": .string(problem.code), "msg": .string(problem.summary), "sub_code": .string(problem.subCode),
            "sub_msg": .string(problem.message),
        ]
        return try signed(response, known ? method : nil)
    }

    private func success(_ trade: AlipaySandboxTrade) -> JSONObject {
        var response: JSONObject = [
            "code": .string(AlipayAnswer.success), "msg": "Success", "trade_no": .string(trade.tradeNo),
            "out_trade_no": .string(trade.outTradeNo),
        ]
        if let buyerID = trade.buyerID {
            response["buyer_user_id"] = .string(buyerID)
            response["buyer_logon_id"] = "sandbox***@example.com"
        }
        return response
    }

    private func signed(_ response: JSONObject, _ method: String?) throws -> HTTPResponse {
        let key = method.map(AlipayAnswer.responseKey(of:)) ?? "error_response"
        let text = try AlipayAnswer.signed(response, key: key, with: sandbox.alipayKey)
        return HTTPResponse(status: .ok, contentType: "application/json; charset=utf-8", body: text)
    }

    /// The trade `business` names by `out_trade_no` or Alipay's `trade_no` (closed first when its time is up).
    private func find(_ business: JSONObject) async throws -> AlipaySandboxTrade? {
        let found: AlipaySandboxTrade?
        if let outTradeNo = business["out_trade_no"]?.stringValue, !outTradeNo.isEmpty {
            found = try await sandbox.trades.find(appID: sandbox.appID, outTradeNo: outTradeNo)
        } else if let tradeNo = business["trade_no"]?.stringValue, !tradeNo.isEmpty {
            found = try await sandbox.trades.find(tradeNo: tradeNo).flatMap { $0.appID == sandbox.appID ? $0 : nil }
        } else {
            found = nil
        }
        guard let found else { return nil }
        return try await sandbox.trades.closeIfExpired(found)
    }

    private func outTradeNo(_ business: JSONObject) async throws -> String? {
        try await find(business)?.outTradeNo
    }
}
