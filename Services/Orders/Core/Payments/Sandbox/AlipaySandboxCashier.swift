import HTTPCore
import ServiceKit

/// The pages of the Alipay simulator's cashier, small and plain. Everything shown that came from a
/// request or a record is escaped (`HTMLText.escape`), so a subject or a trade number can never become
/// markup.
enum AlipaySandboxCashier {
    /// The cashier of a trade: its amount, subject and numbers, and the buttons that pay it or fail it
    /// while it waits.
    static func cashier(_ trade: AlipaySandboxTrade) -> HTTPResponse {
        var body = """
            <p class="amount">¥ \(HTMLText.escape(Yuan.text(fen: trade.totalAmount)))</p>
            <dl>
            <dt>商品</dt><dd id="subject">\(HTMLText.escape(trade.subject))</dd>
            <dt>商户订单号</dt><dd id="out_trade_no">\(HTMLText.escape(trade.outTradeNo))</dd>
            <dt>支付宝交易号</dt><dd id="trade_no">\(HTMLText.escape(trade.tradeNo))</dd>
            </dl>

            """
        if trade.state == "WAIT_BUYER_PAY" {
            for (outcome, label) in [("pay", "确认付款"), ("fail", "支付失败")] {
                body += """
                    <form method="post" action="act">\
                    <input type="hidden" name="trade_no" value="\(HTMLText.escape(trade.tradeNo))">\
                    <input type="hidden" name="outcome" value="\(outcome)">\
                    <button type="submit">\(label)</button></form>

                    """
            }
        } else {
            body += "<p class=\"state\">\(HTMLText.escape(words(for: trade.state)))</p>\n"
        }
        return page(title: "支付宝收银台（模拟）", body: body)
    }

    /// What came of a button: the trade's state now, and the way back to the merchant when there is one.
    static func result(_ trade: AlipaySandboxTrade, returnLink: String?) -> HTTPResponse {
        var body = """
            <p class="state">\(HTMLText.escape(words(for: trade.state)))</p>
            <p>¥ \(HTMLText.escape(Yuan.text(fen: trade.totalAmount))) · \(HTMLText.escape(trade.subject))</p>
            <p>支付宝交易号 <span id="trade_no">\(HTMLText.escape(trade.tradeNo))</span></p>

            """
        if let returnLink { body += "<p><a href=\"\(HTMLText.escape(returnLink))\">返回商户</a></p>\n" }
        return page(title: "支付结果（模拟）", body: body)
    }

    /// A request the simulated Alipay refuses, with its code and words, as Alipay shows an error page.
    static func problem(_ problem: AlipaySandboxProblem) -> HTTPResponse {
        let body = """
            <p class="error">\(HTMLText.escape(problem.message))</p>
            <p>错误代码 <code id="sub_code">\(HTMLText.escape(problem.subCode))</code></p>

            """
        return page(title: "支付宝（模拟）：请求有误", body: body, status: HTTPStatus(code: 400))
    }

    static func words(for state: String) -> String {
        switch state {
        case "TRADE_SUCCESS", "TRADE_FINISHED": "支付成功"
        case "TRADE_CLOSED": "交易已关闭"
        default: "等待付款"
        }
    }

    private static func page(title: String, body: String, status: HTTPStatus = .ok) -> HTTPResponse {
        let html = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(title))</title>
            <style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}\
            .amount{font-size:2rem}dt{color:#666}form{display:inline-block;margin-right:1rem}</style>
            </head><body>
            <h1>\(HTMLText.escape(title))</h1>
            <p><small>开发与测试用的支付宝模拟器，不会扣款。</small></p>
            \(body)</body></html>

            """
        var response = HTTPResponse(status: status, contentType: "text/html; charset=utf-8", body: html)
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}
