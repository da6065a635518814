import Envelope
import Foundation
import JSON
import Postgres
import ServiceKit

/// The admin operation `email.outbox` (`/admin/api/auth/email.outbox` on the gateway): the latest
/// messages the e-mail simulator "sent" to `{"email"}`, newest first, at most `limit` (default 20,
/// up to 100). Refused in production, where there is no simulator.
enum EmailOutboxAdmin {
    static func register(on handlers: inout AdminHandlers, database: PostgresPool, settings: AuthSettings) {
        let simulates = settings.simulatesSMS
        let displayTime = settings.displayTime
        handlers.on("email.outbox") { call, _ in
            guard simulates else {
                return .failure(.forbidden, "the e-mail outbox exists only in development and test")
            }
            guard let given = call.parameters["email"]?.stringValue, CredentialFormat.isEmail(given) else {
                return .failure(.invalidParams, "email must be an e-mail address")
            }
            var limit = 20
            if let value = call.parameters["limit"] {
                guard let number = value.scalarText.flatMap({ Int($0) }), (1...100).contains(number) else {
                    return .failure(.invalidParams, "limit must be a whole number from 1 to 100")
                }
                limit = number
            }
            let rows = try await database.query(
                """
                SELECT id, email, subject, text, created_at FROM auth.email_outbox
                 WHERE email = \(given.lowercased()) ORDER BY id DESC LIMIT \(limit)
                """)
            let messages: [JSONValue] = try rows.map { row in
                .object([
                    "id": .number(JSONNumber(try row.decode("id", as: Int64.self))),
                    "email": .string(try row.decode("email", as: String.self)),
                    "subject": .string(try row.decode("subject", as: String.self)),
                    "text": .string(try row.decode("text", as: String.self)),
                    "created_at": .string(displayTime.format(try row.decode("created_at", as: Date.self))),
                ])
            }
            return .ok(.object(["messages": .array(messages)]))
        }
    }
}
