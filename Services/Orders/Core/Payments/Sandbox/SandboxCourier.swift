import Foundation
import HTTPClient
import HTTPCore
import Postgres
import ServiceKit

/// Delivers the payment simulator's notifications (`orders.sandbox_letters`) the way the providers do:
/// the first attempt at once, then again on the provider's schedule until the callback answers what the
/// provider expects (WeChat Pay: XML with `return_code` SUCCESS; Alipay: the text `success`), and no more
/// once the schedule runs out. Tests compress the schedule (`timeScale`). Due letters are leased with
/// `FOR UPDATE SKIP LOCKED`, so replicas never send one attempt twice.
struct SandboxCourier: Sendable {
    /// WeChat Pay (v2) repeats an unacknowledged notification after 15 s, 15 s, 30 s, 3 min, 10 min,
    /// 20 min, 30 min, 30 min, 30 min, 60 min, 3 h, 3 h, 3 h, 6 h and 6 h (its payment-result notice
    /// documentation: 24 h 4 min in all).
    static let wechatSchedule: [Int] = [
        15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
    ]
    /// Alipay sends 8 notifications within 25 hours, after 4 min, 10 min, 10 min, 1 h, 2 h, 6 h and 15 h
    /// (its asynchronous notification documentation).
    static let alipaySchedule: [Int] = [240, 600, 600, 3600, 7200, 21600, 54000]
    /// How long an attempt holds its letter before another courier may try it.
    static let leaseSeconds = 60.0

    let database: PostgresPool
    let client: HTTPClient
    /// 1 for the providers' own schedule; 0.001 makes a 15 s pause 15 ms.
    let timeScale: Double
    let logger: Logger

    /// Puts `letter` on its way, in the caller's transaction.
    static func post(_ letter: SandboxLetter, on database: some PostgresQueryable) async throws {
        try await database.execute(
            """
            INSERT INTO orders.sandbox_letters (provider, url, content_type, body)
            VALUES (\(letter.provider.rawValue), \(letter.url), \(letter.contentType), \(letter.body))
            """)
    }

    /// Makes one attempt for up to `limit` due letters; answers how many were delivered.
    @discardableResult
    func deliverDue(limit: Int) async throws -> Int {
        let rows = try await database.query(
            """
            UPDATE orders.sandbox_letters SET attempts = attempts + 1,
                   next_attempt_at = now() + make_interval(secs => \(Self.leaseSeconds))
             WHERE id IN (SELECT id FROM orders.sandbox_letters
                           WHERE delivered_at IS NULL AND abandoned_at IS NULL AND next_attempt_at <= now()
                           ORDER BY next_attempt_at LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING id, provider, url, content_type, body, attempts
            """)
        var delivered = 0
        for row in rows {
            let id: Int64 = try row.decode("id")
            let attempts: Int = try row.decode("attempts")
            let provider = PaymentProvider(rawValue: try row.decode("provider")) ?? .wechat
            let letter = SandboxLetter(
                provider: provider, url: try row.decode("url"), contentType: try row.decode("content_type"),
                body: try row.decode("body"))
            let answer = await send(letter)
            if Self.accepts(provider, answer: answer) {
                try await database.execute(
                    """
                    UPDATE orders.sandbox_letters SET delivered_at = now(), last_answer = \(answer.summary)
                     WHERE id = \(id)
                    """)
                delivered += 1
                continue
            }
            let schedule = provider == .wechat ? Self.wechatSchedule : Self.alipaySchedule
            if attempts > schedule.count {
                logger.warning(
                    "sandbox notification abandoned", [("letter", .int(Int(id))), ("answer", .string(answer.summary))])
                try await database.execute(
                    """
                    UPDATE orders.sandbox_letters SET abandoned_at = now(), last_answer = \(answer.summary)
                     WHERE id = \(id)
                    """)
            } else {
                let pause = Double(schedule[attempts - 1]) * timeScale
                try await database.execute(
                    """
                    UPDATE orders.sandbox_letters SET next_attempt_at = now() + make_interval(secs => \(pause)),
                           last_answer = \(answer.summary)
                     WHERE id = \(id)
                    """)
            }
        }
        return delivered
    }

    /// What a callback answered: its status and body, or why there was no answer.
    struct Answer: Sendable {
        let status: Int
        let body: String
        var summary: String { String("\(status) \(body)".prefix(200)) }
    }

    private func send(_ letter: SandboxLetter) async -> Answer {
        do {
            let endpoint = try ProviderEndpoint(url: letter.url, variable: "notify_url")
            let request = HTTPRequest(
                method: .post, target: "", headers: ["Content-Type": letter.contentType], body: letter.body)
            let response = try await endpoint.send(request, client: client, timeout: .seconds(5))
            return Answer(
                status: response.status.code, body: String(decoding: response.body.prefix(1000), as: UTF8.self))
        } catch {
            return Answer(status: 0, body: "\(error)")
        }
    }

    /// Whether `answer` is the acknowledgement `provider` waits for.
    static func accepts(_ provider: PaymentProvider, answer: Answer) -> Bool {
        guard answer.status == 200 else { return false }
        switch provider {
        case .alipay:
            return answer.body.trimmingCharacters(in: .whitespacesAndNewlines) == "success"
        case .wechat:
            guard let fields = try? WeChatPayXML.decode(Array(answer.body.utf8)) else { return false }
            return fields["return_code"] == "SUCCESS"
        }
    }
}
