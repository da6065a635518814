import HTTPCore
import ServiceKit

/// The small pages of the payment simulator a person clicks through: the cashier of one order with
/// "pay" and "fail" buttons, and what came of the click. Everything shown is escaped.
enum SandboxPage {
    static let missing = page("没有这笔订单", "<p>No such order in the payment simulator.</p>")

    static func cashier(_ order: WeChatPaySandboxOrder, actionPath: String) -> String {
        let tradeNo = HTMLText.escape(order.tradeNo)
        let amount = HTMLText.escape(Yuan.text(fen: order.amount))
        let form = { (outcome: String, label: String) in
            """
            <form method="post" action="\(HTMLText.escape(actionPath))">
            <input type="hidden" name="out_trade_no" value="\(tradeNo)">
            <input type="hidden" name="outcome" value="\(outcome)">
            <button type="submit">\(label)</button></form>
            """
        }
        return page(
            "微信支付（模拟）",
            """
            <p>\(HTMLText.escape(order.description))</p>
            <p>订单 \(tradeNo) · ¥\(amount) · \(HTMLText.escape(order.state))</p>
            \(order.state == "NOTPAY" || order.state == "PAYERROR" ? form("pay", "支付") + form("fail", "支付失败") : "")
            """)
    }

    static func outcome(_ action: WeChatPaySandboxStore.Action) -> String {
        switch action {
        case .done(let order):
            return page(
                "微信支付（模拟）",
                "<p>订单 \(HTMLText.escape(order.tradeNo)): \(HTMLText.escape(order.state))。通知已发出。</p>")
        case .unknownOrder:
            return missing
        case .notPayable(let state):
            return page("微信支付（模拟）", "<p>订单不能支付: \(HTMLText.escape(state))</p>")
        }
    }

    static func response(status: HTTPStatus, _ html: String) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/html; charset=utf-8", body: html)
    }

    private static func page(_ title: String, _ body: String) -> String {
        HTMLDocument.page(title: title, escapedBody: body)
    }
}
