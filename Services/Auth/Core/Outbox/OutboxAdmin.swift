import Foundation
import JSON
import Postgres
import ServiceKit

/// The admin operations that read the simulators' outboxes (development and test only; refused in
/// production, where there are no simulators), newest first, at most `limit` (default 20, up to 100):
/// - `sms.outbox` `{"mobile"}` (`/admin/api/auth/sms.outbox` on the gateway): `{"messages":[{"id","mobile","text","created_at"}]}`;
/// - `email.outbox` `{"email"}`: `{"messages":[{"id","email","subject","text","created_at"}]}`.
enum OutboxAdmin {
    static func register(on handlers: inout AdminHandlers, database: PostgresPool, settings: AuthSettings) {
        let simulates = settings.simulatesSMS
        let displayTime = settings.displayTime
        handlers.on("sms.outbox") { call in
            guard simulates else { return .failure(.forbidden, "the SMS outbox exists only in development and test") }
            guard let mobile = call.parameters.values["mobile"]?.scalarText, CredentialFormat.isMobile(mobile) else {
                return .failure(.invalidParams, "mobile must be 11 digits starting with 1")
            }
            guard let limit = limit(call) else {
                return .failure(.invalidParams, "limit must be a whole number from 1 to 100")
            }
            let rows = try await database.query(
                """
                SELECT id, mobile, NULL::text AS subject, text, created_at FROM auth.sms_outbox
                 WHERE mobile = \(mobile) ORDER BY id DESC LIMIT \(limit)
                """)
            return .ok(
                .object(["messages": .array(try rows.map { try message($0, recipient: "mobile", displayTime) })]))
        }
        handlers.on("email.outbox") { call in
            guard simulates else {
                return .failure(.forbidden, "the e-mail outbox exists only in development and test")
            }
            guard case .email(let email)? = call.parameters.values["email"]?.stringValue.flatMap(AccountIdentity.init)
            else {
                return .failure(.invalidParams, "email must be an e-mail address")
            }
            guard let limit = limit(call) else {
                return .failure(.invalidParams, "limit must be a whole number from 1 to 100")
            }
            let rows = try await database.query(
                """
                SELECT id, email, subject, text, created_at FROM auth.email_outbox
                 WHERE email = \(email) ORDER BY id DESC LIMIT \(limit)
                """)
            return .ok(.object(["messages": .array(try rows.map { try message($0, recipient: "email", displayTime) })]))
        }
    }

    private static func limit(_ call: AdminCall) -> Int? {
        guard let given = call.parameters.values["limit"] else { return 20 }
        guard let number = given.scalarText.flatMap({ Int($0) }), (1...100).contains(number) else { return nil }
        return number
    }

    private static func message(_ row: PostgresRow, recipient: String, _ displayTime: DisplayTime) throws -> JSONValue {
        var message: JSONObject = [
            "id": .number(JSONNumber(try row.decode("id", as: Int64.self))),
            recipient: .string(try row.decode(recipient, as: String.self)),
        ]
        if let subject = try row.decode("subject", as: String?.self) { message["subject"] = .string(subject) }
        message["text"] = .string(try row.decode("text", as: String.self))
        message["created_at"] = .string(displayTime.format(try row.decode("created_at", as: Date.self)))
        return .object(message)
    }
}
