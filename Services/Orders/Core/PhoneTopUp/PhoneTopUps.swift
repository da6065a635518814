import Crypto
import Foundation
import Postgres
import ServiceKit

/// What a new top-up order is: who pays, the number and product, and the prices in fen.
struct PhoneTopUpDraft: Sendable, Equatable {
    let accountID: Int64
    let target: TopUpTarget
    let quote: ProviderQuote
    let sellPrice: Int64
}

/// An event applied to an order: the order after it and the decision that moved it.
struct AppliedEvent: Sendable, Equatable {
    let order: PhoneTopUpRecord
    let decision: PhoneTopUpState.Decision
}

/// Top-up orders in `orders.phone_topups`. An event is applied in one transaction on the order's
/// locked row, as `PhoneTopUpState` decides, so replicas, the sweep and the member's own calls never
/// move an order twice.
struct PhoneTopUps: Sendable {
    let database: PostgresPool

    /// A new order in `created`, with fresh numbers: the order number `37` + `yyMMddHHmmss` + 5 random
    /// digits (19, like the document's `3700001001609191584`), the payment number `37` +
    /// `yyyyMMddHHmmss` + 5 random digits (21, like its `370000147428317598859`).
    func create(_ draft: PhoneTopUpDraft, now: Date = Date()) async throws -> PhoneTopUpRecord {
        let stamp = String(DisplayTime.china.format(now).filter(\.isNumber))
        let target = draft.target
        while true {
            let orderNo = "37" + stamp.dropFirst(2) + SecureRandom.digits(5)
            let tradeNo = "37" + stamp + SecureRandom.digits(5)
            let rows = try await database.query(
                """
                INSERT INTO orders.phone_topups (order_no, trade_no, account_id, phone, face_value, card_id, card_name,
                       belong_area, purchase_price, sell_price)
                VALUES (\(orderNo), \(tradeNo), \(draft.accountID), \(target.phone), \(target.faceValue.yuan),
                        \(draft.quote.cardID), \(target.cardName), \(target.belongArea), \(draft.quote.purchasePrice),
                        \(draft.sellPrice))
                ON CONFLICT DO NOTHING
                RETURNING \(unsafeSQL: PhoneTopUpRecord.columns)
                """)
            if let row = rows.first { return try PhoneTopUpRecord(row: row) }
        }
    }

    /// The order `orderNo` of `account`; nil when it has none by that number.
    func find(_ orderNo: String, of account: Int64) async throws -> PhoneTopUpRecord? {
        try await database.query(
            """
            SELECT \(unsafeSQL: PhoneTopUpRecord.columns) FROM orders.phone_topups
             WHERE order_no = \(orderNo) AND account_id = \(account)
            """
        ).first.map(PhoneTopUpRecord.init(row:))
    }

    /// The order `orderNo`, whoever owns it; nil when unknown.
    func find(_ orderNo: String) async throws -> PhoneTopUpRecord? {
        try await database.query(
            "SELECT \(unsafeSQL: PhoneTopUpRecord.columns) FROM orders.phone_topups WHERE order_no = \(orderNo)"
        ).first.map(PhoneTopUpRecord.init(row:))
    }

    /// Applies `event` to the order `orderNo` on its locked row.
    func apply(
        _ event: PhoneTopUpState.Event, to orderNo: String
    ) async throws -> Result<AppliedEvent, PhoneTopUpState.Refusal> {
        try await database.transaction(refusing: PhoneTopUpState.Refusal.self) { transaction in
            let rows = try await transaction.query(
                """
                SELECT \(unsafeSQL: PhoneTopUpRecord.columns) FROM orders.phone_topups
                 WHERE order_no = \(orderNo) FOR UPDATE
                """)
            guard let row = rows.first else { throw PhoneTopUpMissing(orderNo: orderNo) }
            let order = try PhoneTopUpRecord(row: row)
            let decision: PhoneTopUpState.Decision
            switch order.state.apply(event, thirdNo: order.thirdNo) {
            case .success(let made): decision = made
            case .failure(let refusal): return .failure(refusal)
            }
            guard decision.changes else { return .success(AppliedEvent(order: order, decision: decision)) }
            return .success(
                AppliedEvent(
                    order: try await Self.store(decision.next, event, of: order, on: transaction), decision: decision))
        }
    }

    /// Writes the state a decision reached on the order's row (locked by `transaction`), with its
    /// timestamps and what the event told.
    static func store(
        _ next: PhoneTopUpState, _ event: PhoneTopUpState.Event, of order: PhoneTopUpRecord,
        on transaction: PostgresTransaction
    ) async throws -> PhoneTopUpRecord {
        var thirdNo: String?
        var reason: String?
        switch event {
        case .accepted(let told): thirdNo = told
        case .failed(let why): reason = String(why.unicodeScalars.prefix(200))
        case .voided: reason = "the member's request never learnt the debit's outcome"
        default: break
        }
        let paid = [.paid, .charging, .charged, .failed, .refunded].contains(next)
        let failed = next == .failed || next == .refunded
        let rows = try await transaction.query(
            """
            UPDATE orders.phone_topups
               SET state = \(next.rawValue), updated_at = now(), third_no = COALESCE(\(thirdNo), third_no),
                   failure_reason = COALESCE(\(reason), failure_reason),
                   paid_at = CASE WHEN \(paid)::boolean THEN COALESCE(paid_at, now()) END,
                   charged_at = CASE WHEN \(next == .charged)::boolean THEN COALESCE(charged_at, now()) END,
                   failed_at = CASE WHEN \(failed)::boolean THEN COALESCE(failed_at, now()) END,
                   refunded_at = CASE WHEN \(next == .refunded)::boolean THEN COALESCE(refunded_at, now()) END
             WHERE id = \(order.id)
            RETURNING \(unsafeSQL: PhoneTopUpRecord.columns)
            """)
        return try PhoneTopUpRecord(row: rows[0])
    }

    /// Up to `limit` orders in one of `states` that have not moved for `idle`, the ones asked about
    /// least recently first.
    func waiting(in states: [PhoneTopUpState], idle: Duration, limit: Int) async throws -> [PhoneTopUpRecord] {
        let names = states.map(\.rawValue).joined(separator: ",")
        let milliseconds = idle.components.seconds * 1000 + idle.components.attoseconds / 1_000_000_000_000_000
        return try await database.query(
            """
            SELECT \(unsafeSQL: PhoneTopUpRecord.columns) FROM orders.phone_topups
             WHERE state = ANY (string_to_array(\(names), ','))
               AND updated_at <= now() - make_interval(secs => \(milliseconds)::bigint / 1000.0)
             ORDER BY asked_at NULLS FIRST, id LIMIT \(limit)
            """
        ).map(PhoneTopUpRecord.init(row:))
    }

    /// Notes that the provider was just asked about `orderNo`, so the next sweep asks about others first.
    func markAsked(_ orderNo: String) async throws {
        try await database.execute("UPDATE orders.phone_topups SET asked_at = now() WHERE order_no = \(orderNo)")
    }
}

/// An event was applied to an order number that does not exist: a bug, never a client's doing.
struct PhoneTopUpMissing: Error, Sendable, CustomStringConvertible {
    let orderNo: String

    var description: String { "no phone top-up \(orderNo)" }
}
