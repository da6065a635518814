import Mesh
import Postgres
import ServiceKit

/// Works through the refunds that are to leave: records the full refund of every payment kept for refund,
/// takes a recharge's amount back from the balance before its money leaves (`wallet.debit` keyed
/// `refund-<refund number>`; a balance that no longer holds it fails the refund), asks the provider
/// (WeChat Pay answers later in its refund notification; Alipay at once), and gives the balance back once
/// (`wallet.credit` keyed `refund-return-<refund number>`) when the provider could not make the refund.
/// Refunds are claimed with `FOR UPDATE SKIP LOCKED`, so replicas never send one twice; the provider
/// keeps one refund per number, so a retry after a lost answer is harmless.
struct RefundSender: Sendable {
    let ledger: RefundLedger
    let wechat: WeChatPayClient
    /// Nil while Alipay is not configured: its refunds wait.
    let alipay: AlipayClient?
    let mesh: MeshClient
    let notifyURL: String
    let logger: Logger

    func run(limit: Int) async throws {
        try await ledger.recordDueRefunds(limit: limit)
        try await sendPending(limit: limit)
        try await restoreFailed(limit: limit)
    }

    /// Sends the refund `refundNo` now, unless it was sent or another replica is sending it; the sweep
    /// retries whatever this could not finish.
    func send(refundNo: String) async throws {
        try await sendPending(limit: 1, only: refundNo)
    }

    private func sendPending(limit: Int, only refundNo: String? = nil) async throws {
        try await ledger.database.transaction { transaction in
            let rows = try await transaction.query(
                """
                SELECT \(unsafeSQL: StoredRefund.columns) FROM \(unsafeSQL: StoredRefund.joins)
                 WHERE r.state = 'pending' AND r.sent_at IS NULL AND (\(refundNo)::text IS NULL OR r.refund_no = \(refundNo))
                 ORDER BY r.id LIMIT \(limit) FOR UPDATE OF r SKIP LOCKED
                """)
            for row in rows {
                let refund = try StoredRefund(row: row)
                if refund.takesFromBusiness && !refund.businessTaken {
                    guard try await takeFromBusiness(refund, transaction) else { continue }
                }
                try await send(refund, transaction)
            }
        }
    }

    /// Debits the recharged balance; false when the refund cannot go on now (failed, or to be retried).
    private func takeFromBusiness(_ refund: StoredRefund, _ transaction: PostgresTransaction) async throws -> Bool {
        let debit = WalletMovementRequest(
            accountID: refund.accountID, amount: refund.amount, reference: refund.tradeNo, reason: "充值退款")
        switch await mesh.call(WalletDebit.self, debit, idempotencyKey: "refund-\(refund.refundNo)") {
        case .ok:
            try await transaction.execute(
                "UPDATE orders.refunds SET business_taken_at = now() WHERE id = \(refund.id)")
            return true
        case .refused(let refusal):
            logger.warning(
                "refund refused by the wallet",
                [("refund", .string(refund.refundNo)), ("kind", .string(refusal.kind.rawValue))])
            try await fail(refund, "the balance no longer holds the recharged amount", transaction)
            return false
        case .failed(let error):
            logger.warning(
                "refund waits for the wallet", [("refund", .string(refund.refundNo)), ("error", .string(error.detail))])
            return false
        }
    }

    private func send(_ refund: StoredRefund, _ transaction: PostgresTransaction) async throws {
        switch refund.provider {
        case .wechat:
            let request = WeChatPayRefundRequest(
                tradeNo: refund.tradeNo, refundNo: refund.refundNo, paidAmount: refund.paid, amount: refund.amount,
                notifyURL: notifyURL)
            let refundID: String
            do {
                refundID = try await wechat.refund(request)
            } catch .refused(let code, let message) {
                return try await fail(refund, "WeChat Pay refused (\(code)): \(message)", transaction)
            } catch {
                logger.warning(
                    "refund not sent yet",
                    [("refund", .string(refund.refundNo)), ("error", .string(error.description))])
                return
            }
            try await transaction.execute(
                "UPDATE orders.refunds SET sent_at = now(), provider_refund_id = \(refundID) WHERE id = \(refund.id)")
        case .alipay:
            guard let alipay else {
                logger.warning("Alipay is not configured; the refund waits", [("refund", .string(refund.refundNo))])
                return
            }
            let answer: AlipayRefund
            do {
                answer = try await alipay.refund(
                    tradeNo: refund.tradeNo, refundNo: refund.refundNo, amount: refund.amount, reason: "退款")
            } catch let error where !error.outcomeUnknown {
                return try await fail(refund, error.description, transaction)
            } catch {
                logger.warning(
                    "refund not sent yet",
                    [("refund", .string(refund.refundNo)), ("error", .string(error.description))])
                return
            }
            try await transaction.execute(
                """
                UPDATE orders.refunds SET state = 'succeeded', sent_at = now(), settled_at = now(),
                       provider_refund_id = \(answer.transactionID)
                 WHERE id = \(refund.id) AND state = 'pending'
                """)
        }
    }

    private func fail(_ refund: StoredRefund, _ reason: String, _ transaction: PostgresTransaction) async throws {
        try await transaction.execute(
            """
            UPDATE orders.refunds SET state = 'failed', settled_at = now(), failure = \(String(reason.prefix(200)))
             WHERE id = \(refund.id) AND state = 'pending'
            """)
    }

    private func restoreFailed(limit: Int) async throws {
        try await ledger.database.transaction { transaction in
            let rows = try await transaction.query(
                """
                SELECT \(unsafeSQL: StoredRefund.columns) FROM \(unsafeSQL: StoredRefund.joins)
                 WHERE r.state = 'failed' AND r.business_taken_at IS NOT NULL AND r.business_restored_at IS NULL
                 ORDER BY r.id LIMIT \(limit) FOR UPDATE OF r SKIP LOCKED
                """)
            for row in rows {
                let refund = try StoredRefund(row: row)
                let credit = WalletMovementRequest(
                    accountID: refund.accountID, amount: refund.amount, reference: refund.tradeNo, reason: "退款未成功，余额退回")
                if case .ok = await mesh.call(
                    WalletCredit.self, credit, idempotencyKey: "refund-return-\(refund.refundNo)")
                {
                    try await transaction.execute(
                        "UPDATE orders.refunds SET business_restored_at = now() WHERE id = \(refund.id)")
                }
            }
        }
    }
}
