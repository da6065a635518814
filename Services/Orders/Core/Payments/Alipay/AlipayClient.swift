import Foundation
import HTTPClient
import HTTPCore
import JSON
import ServiceKit

/// Alipay's server API as the platform uses it: query a trade, close an unpaid one, refund a paid one.
/// Each call is a form POST of the signed parameters to the gateway; the answer is believed only with
/// Alipay's signature (`AlipayAnswer`). Trades are named by our trade number (`out_trade_no`).
struct AlipayClient: Sendable {
    let settings: AlipaySettings
    let http: HTTPClient

    /// Where Alipay says the trade stands.
    func query(tradeNo: String, now: Date = Date()) async throws(AlipayError) -> AlipayTradeStatus {
        let response: JSONObject
        do {
            response = try await call("alipay.trade.query", ["out_trade_no": .string(tradeNo)], now: now)
        } catch let error where error.subCode == "ACQ.TRADE_NOT_EXIST" && error.kind == .refused {
            return .notCreated
        }
        switch response["trade_status"]?.stringValue {
        case "WAIT_BUYER_PAY": return .waitingForPayment
        case "TRADE_CLOSED": return .closed
        case let status? where AlipayNotification.paidStatuses.contains(status):
            guard let transactionID = response["trade_no"]?.stringValue, !transactionID.isEmpty,
                let amountText = response["total_amount"]?.stringValue, let amount = Yuan.fen(amountText)
            else { throw AlipayError(.malformedAnswer, detail: "a paid trade without trade_no or total_amount") }
            return .paid(transactionID: transactionID, amount: amount, finished: status == "TRADE_FINISHED")
        case let other:
            throw AlipayError(.malformedAnswer, detail: "trade_status \(other ?? "missing")")
        }
    }

    /// Closes an unpaid trade, so it cannot be paid any more; a paid trade is refused
    /// (`ACQ.TRADE_STATUS_ERROR`).
    func close(tradeNo: String, now: Date = Date()) async throws(AlipayError) -> AlipayCloseOutcome {
        do {
            _ = try await call("alipay.trade.close", ["out_trade_no": .string(tradeNo)], now: now)
            return .closed
        } catch let error where error.subCode == "ACQ.TRADE_NOT_EXIST" && error.kind == .refused {
            return .notCreated
        }
    }

    /// Refunds `amount` fen of the paid trade under our `refundNo` (`out_request_no`), which makes a
    /// repeated request harmless: Alipay applies one refund number once.
    func refund(
        tradeNo: String, refundNo: String, amount: Int64, reason: String, now: Date = Date()
    ) async throws(AlipayError) -> AlipayRefund {
        var business: JSONObject = [
            "out_trade_no": .string(tradeNo), "out_request_no": .string(refundNo),
            "refund_amount": .string(Yuan.text(fen: amount)),
        ]
        if !reason.isEmpty { business["refund_reason"] = .string(reason) }
        let response = try await call("alipay.trade.refund", business, now: now)
        guard let transactionID = response["trade_no"]?.stringValue,
            let refunded = response["refund_fee"]?.stringValue.flatMap(Yuan.fen)
        else { throw AlipayError(.malformedAnswer, detail: "a refund answer without trade_no or refund_fee") }
        return AlipayRefund(
            transactionID: transactionID, fundChanged: response["fund_change"]?.stringValue == "Y",
            refundedTotal: refunded)
    }

    /// The verified response object of `method` called with `business`.
    private func call(_ method: String, _ business: JSONObject, now: Date) async throws(AlipayError) -> JSONObject {
        let parameters: [String: String]
        do {
            parameters = try AlipayRequest(method: method, business: business).parameters(
                account: settings.account, now: now)
        } catch {
            throw AlipayError(.signing, detail: error.description)
        }
        let request = HTTPRequest(
            method: .post, target: "?charset=utf-8",
            headers: ["Content-Type": "application/x-www-form-urlencoded;charset=utf-8"],
            body: Array(AlipayForm.encode(parameters).utf8))
        let response: HTTPResponse
        do {
            response = try await settings.apiEndpoint.send(request, client: http, timeout: settings.apiTimeout)
        } catch {
            throw AlipayError(.unreachable, detail: error.description)
        }
        guard response.status == .ok else {
            throw AlipayError(.malformedAnswer, detail: "HTTP status \(response.status.code)")
        }
        return try AlipayAnswer.read(response.body, method: method, key: settings.account.alipayPublicKey)
    }
}
