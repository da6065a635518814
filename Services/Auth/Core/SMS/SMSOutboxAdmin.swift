import Envelope
import Foundation
import JSON
import Postgres
import ServiceKit

/// The admin operation `sms.outbox` (`/admin/api/auth/sms.outbox` on the gateway): the latest
/// messages the SMS simulator "sent" to `{"mobile"}`, newest first, at most `limit` (default 20,
/// up to 100). Refused in production, where there is no simulator.
enum SMSOutboxAdmin {
    static func register(on handlers: inout AdminHandlers, database: PostgresPool, settings: AuthSettings) {
        let simulates = settings.simulatesSMS
        let displayTime = settings.displayTime
        handlers.on("sms.outbox") { call, _ in
            guard simulates else {
                return .failure(.forbidden, "the SMS outbox exists only in development and test")
            }
            guard let mobile = call.parameters["mobile"]?.scalarText, CallInput.isMobile(mobile) else {
                return .failure(.invalidParams, "mobile must be 11 digits starting with 1")
            }
            var limit = 20
            if let given = call.parameters["limit"] {
                guard let number = given.scalarText.flatMap({ Int($0) }), (1...100).contains(number) else {
                    return .failure(.invalidParams, "limit must be a whole number from 1 to 100")
                }
                limit = number
            }
            let rows = try await database.query(
                """
                SELECT id, mobile, text, created_at FROM auth.sms_outbox
                 WHERE mobile = \(mobile) ORDER BY id DESC LIMIT \(limit)
                """)
            let messages: [JSONValue] = try rows.map { row in
                .object([
                    "id": .number(JSONNumber(try row.decode("id", as: Int64.self))),
                    "mobile": .string(try row.decode("mobile", as: String.self)),
                    "text": .string(try row.decode("text", as: String.self)),
                    "created_at": .string(displayTime.format(try row.decode("created_at", as: Date.self))),
                ])
            }
            return .ok(.object(["messages": .array(messages)]))
        }
    }
}
