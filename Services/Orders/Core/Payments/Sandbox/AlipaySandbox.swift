import Crypto
import Foundation
import HTTPCore
import JSON
import Postgres
import ServiceKit

/// Alipay as the simulator of development and test starts plays it, under `/sandbox/alipay/` on the
/// orders service (mounted only outside production; the gateway passes `/sandbox/*` to it):
/// - `GET` (or a form `POST`) `/sandbox/alipay/gateway.do?…` with `alipay.trade.page.pay`: checks the
///   request's RSA2 signature with the app's public key, records the trade and shows the cashier page;
/// - `POST /sandbox/alipay/gateway.do` with `alipay.trade.query`, `alipay.trade.close` or
///   `alipay.trade.refund`: answers as Alipay does, signed with the simulated Alipay's private key;
/// - `POST /sandbox/alipay/act` (`trade_no`, `outcome` pay or fail): the cashier's buttons; paying marks
///   the trade paid and queues the signed `TRADE_SUCCESS` notification to its `notify_url`, failing
///   closes it and queues `TRADE_CLOSED` (`SandboxCourier` delivers them on Alipay's schedule).
/// The admin operation `sandbox.alipay.pay` does what the buttons do, by our trade number.
struct AlipaySandbox: Sendable {
    static let bodyLimit = 64 * 1024

    let trades: AlipaySandboxTrades
    let appID: String
    /// The app's public key, as the app uploaded it to Alipay: the one of the configured private key.
    let appPublicKey: RSAPublicKey
    /// The simulated Alipay's own key, whose public half is the development `ALIPAY_PUBLIC_KEY`.
    let alipayKey: RSAPrivateKey
    let sellerID: String

    init(settings: AlipaySettings, database: PostgresPool) throws {
        trades = AlipaySandboxTrades(database: database)
        appID = settings.account.appID
        appPublicKey = try settings.account.privateKey.publicKey()
        alipayKey = try RSAPrivateKey(text: AlipayDevelopmentKeys.alipayPrivateKey)
        sellerID = settings.account.sellerID ?? AlipayDevelopmentKeys.sellerID
    }

    func routes() -> [Route] {
        let sandbox = self
        return [
            Route([.get, .head, .post], "/sandbox/alipay/gateway.do", bodyLimit: Self.bodyLimit) { context in
                try await sandbox.gateway(context.request)
            },
            .post("/sandbox/alipay/act", bodyLimit: Self.bodyLimit) { context in
                try await sandbox.act(context.request)
            },
        ]
    }

    /// A request to the gateway: the payment page, or an API call.
    func gateway(_ request: HTTPRequest) async throws -> HTTPResponse {
        let parameters: [String: String]
        do {
            parameters = try AlipayForm.decode(Array((request.query ?? "").utf8))
                .merging(
                    request.method == .post ? try AlipayForm.decode(request.body) : [:],
                    uniquingKeysWith: { first, _ in first })
        } catch {
            return AlipaySandboxCashier.problem(.invalid("isv.invalid-parameter", error.reason))
        }
        let method = parameters["method"] ?? ""
        let isPage = method == AlipayPagePay.method || (request.method != .post && method.isEmpty)
        let business: JSONObject
        switch verify(parameters) {
        case .success(let verified): business = verified
        case .failure(let problem):
            return isPage
                ? AlipaySandboxCashier.problem(problem) : try AlipaySandboxAPI(sandbox: self).refusal(problem, method)
        }
        if isPage { return try await page(parameters, business: business) }
        return try await AlipaySandboxAPI(sandbox: self).answer(method, business: business)
    }

    /// The checks Alipay's gateway makes of every request: our app, RSA2, the signature with the app's
    /// public key, a method, a timestamp and a JSON `biz_content`; answers the business parameters.
    func verify(_ parameters: [String: String]) -> Result<JSONObject, AlipaySandboxProblem> {
        guard parameters["app_id"] == appID else { return .failure(.invalid("isv.invalid-app-id", "无效的AppID参数")) }
        guard parameters["sign_type"] == "RSA2" else {
            return .failure(.invalid("isv.invalid-signature-type", "无效签名类型"))
        }
        guard let sign = parameters["sign"],
            AlipaySignature.verify(sign, of: Array(AlipaySignature.requestContent(parameters).utf8), key: appPublicKey)
        else { return .failure(.invalid("isv.invalid-signature", "验签出错")) }
        guard let method = parameters["method"], !method.isEmpty else {
            return .failure(.invalid("isv.missing-method", "缺少方法名参数"))
        }
        guard let timestamp = parameters["timestamp"], DisplayTime.china.parse(timestamp) != nil else {
            return .failure(.invalid("isv.invalid-timestamp", "非法的时间戳参数"))
        }
        guard let text = parameters["biz_content"], case .object(let business)? = try? JSONValue.parse(text) else {
            return .failure(.invalid("isv.invalid-parameter", "biz_content 须为 JSON 对象"))
        }
        return .success(business)
    }

    /// `alipay.trade.page.pay`: the trade recorded (or found again), and its cashier page.
    private func page(_ parameters: [String: String], business: JSONObject) async throws -> HTTPResponse {
        guard let outTradeNo = business["out_trade_no"]?.stringValue, (1...64).contains(outTradeNo.utf8.count),
            let amount = business["total_amount"]?.stringValue.flatMap(Yuan.fen), amount > 0,
            let subject = business["subject"]?.stringValue, (1...256).contains(subject.count),
            business["product_code"]?.stringValue == AlipayPagePay.productCode
        else {
            return AlipaySandboxCashier.problem(
                .invalid("isv.invalid-parameter", "out_trade_no、total_amount、subject 或 product_code 不合法"))
        }
        var expiry: Date?
        if let text = business["time_expire"]?.stringValue {
            guard let date = DisplayTime.china.parse(text) else {
                return AlipaySandboxCashier.problem(.invalid("isv.invalid-parameter", "time_expire 不合法"))
            }
            expiry = date
        }
        let notifyURL = parameters["notify_url"] ?? ""
        let returnURL = parameters["return_url"] ?? ""
        for url in [notifyURL, returnURL] where !url.isEmpty && (!Parameters.isURL(url) || url.hasPrefix("/")) {
            return AlipaySandboxCashier.problem(.invalid("isv.invalid-parameter", "notify_url 或 return_url 不合法"))
        }
        let opening = AlipaySandboxTrades.Opening(
            appID: appID, outTradeNo: outTradeNo, totalAmount: amount, subject: subject, notifyURL: notifyURL,
            returnURL: returnURL, timeExpire: expiry)
        switch try await trades.open(opening) {
        case .success(let trade): return AlipaySandboxCashier.cashier(trade)
        case .failure(let problem): return AlipaySandboxCashier.problem(problem)
        }
    }

    /// The cashier's buttons: `trade_no` (Alipay's) and `outcome`.
    private func act(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let fields = try? AlipayForm.decode(request.body), let tradeNo = fields["trade_no"],
            let outcome = fields["outcome"].flatMap(AlipaySandboxOutcome.init(rawValue:))
        else {
            return AlipaySandboxCashier.problem(.invalid("isv.invalid-parameter", "须有 trade_no 和 outcome（pay 或 fail）"))
        }
        switch try await settle(tradeNo: tradeNo, outcome: outcome) {
        case .success(let trade): return AlipaySandboxCashier.result(trade, returnLink: try returnLink(trade))
        case .failure(let problem): return AlipaySandboxCashier.problem(problem)
        }
    }

    /// The admin operation: `outcome` for the trade of our trade number `outTradeNo`.
    func settle(
        outTradeNo: String, outcome: AlipaySandboxOutcome
    ) async throws -> Result<
        AlipaySandboxTrade, AlipaySandboxProblem
    > {
        guard let trade = try await trades.find(appID: appID, outTradeNo: outTradeNo) else {
            return .failure(.notFound)
        }
        return try await settle(tradeNo: trade.tradeNo, outcome: outcome)
    }

    private func settle(
        tradeNo: String, outcome: AlipaySandboxOutcome
    ) async throws -> Result<
        AlipaySandboxTrade, AlipaySandboxProblem
    > {
        let sandbox = self
        return try await trades.settle(tradeNo: tradeNo, outcome: outcome) { trade in
            try sandbox.notification(for: trade, now: Date())
        }.map(\.trade)
    }

    /// The signed notification Alipay sends for `trade` as it now stands (nil without a `notify_url`).
    func notification(for trade: AlipaySandboxTrade, now: Date) throws -> SandboxLetter? {
        guard !trade.notifyURL.isEmpty else { return nil }
        var fields = [
            "notify_time": DisplayTime.china.format(now), "notify_type": "trade_status_sync",
            "notify_id": SecureRandom.token(bytes: 16), "app_id": appID, "auth_app_id": appID, "charset": "utf-8",
            "version": "1.0", "sign_type": "RSA2", "trade_no": trade.tradeNo, "out_trade_no": trade.outTradeNo,
            "trade_status": trade.state, "total_amount": Yuan.text(fen: trade.totalAmount), "subject": trade.subject,
            "seller_id": sellerID, "gmt_create": DisplayTime.china.format(trade.createdAt),
        ]
        if trade.isPaid, let paidAt = trade.paidAt {
            let amount = Yuan.text(fen: trade.totalAmount)
            fields["receipt_amount"] = amount
            fields["buyer_pay_amount"] = amount
            fields["invoice_amount"] = amount
            fields["buyer_id"] = trade.buyerID ?? ""
            fields["gmt_payment"] = DisplayTime.china.format(paidAt)
        }
        if let closedAt = trade.closedAt { fields["gmt_close"] = DisplayTime.china.format(closedAt) }
        fields["sign"] = try AlipaySignature.sign(AlipaySignature.notificationContent(fields), key: alipayKey)
        return SandboxLetter(
            provider: .alipay, url: trade.notifyURL, contentType: "application/x-www-form-urlencoded; charset=utf-8",
            body: Array(AlipayForm.encode(fields).utf8))
    }

    /// Where the cashier sends a payer back once paid: the trade's `return_url` with Alipay's signed
    /// synchronous parameters (nil without one, or unpaid).
    private func returnLink(_ trade: AlipaySandboxTrade) throws -> String? {
        guard trade.isPaid, !trade.returnURL.isEmpty else { return nil }
        var fields = [
            "app_id": appID, "method": "alipay.trade.page.pay.return", "charset": "utf-8", "version": "1.0",
            "sign_type": "RSA2", "timestamp": DisplayTime.china.format(Date()), "seller_id": sellerID,
            "trade_no": trade.tradeNo, "out_trade_no": trade.outTradeNo,
            "total_amount": Yuan.text(fen: trade.totalAmount),
        ]
        fields["sign"] = try AlipaySignature.sign(AlipaySignature.notificationContent(fields), key: alipayKey)
        return trade.returnURL + (trade.returnURL.contains("?") ? "&" : "?") + AlipayForm.encode(fields)
    }
}
