import ServiceKit

/// What the orders service does for payments in the background, on every replica: closes unpaid trades
/// whose time is up (and their WeChat Pay orders, so nobody can pay them any more; a train order waiting
/// for the payment is cancelled, an O2O one closed), hands settled
/// payments over to their business, sends and settles refunds, completes train refunds the provider made, and finishes the O2O orders' outside steps. Each step claims its rows with
/// `FOR UPDATE SKIP LOCKED`, so replicas share the work without doing any of it twice.
struct PaymentsSweep: Sendable {
    let book: TradeBook
    let wechat: WeChatPayClient
    let handOver: PaymentHandOver
    let refunds: RefundSender
    let o2o: O2OFollowUp
    let logger: Logger

    func run() async throws {
        let closed = try await book.closeExpired(limit: 500)
        if !closed.isEmpty { logger.info("unpaid trades closed", [("count", .int(closed.count))]) }
        let trainOrders = TrainOrderBook(database: book.database)
        for tradeNo in closed {
            if let order = try await trainOrders.find(tradeNo: tradeNo) {
                _ = try await trainOrders.apply(.tradeClosed, toOrder: order.id, actor: "payment timeout")
            }
            try await o2o.tradeClosed(tradeNo)
            guard let trade = try await book.find(tradeNo), trade.provider == .wechat, trade.prepayID != nil else {
                continue
            }
            do {
                try await (trade.prepayAppID.flatMap(wechat.paying(in:)) ?? wechat).close(tradeNo: tradeNo)
            } catch {
                logger.warning(
                    "WeChat Pay order not closed", [("trade", .string(tradeNo)), ("error", .string("\(error)"))])
            }
        }
        try await handOver.run(limit: 100)
        try await refunds.run(limit: 50)
        try await trainOrders.completeRefunds(limit: 50)
        try await o2o.run(limit: 50)
    }
}
