import Crypto
import Mesh
import Postgres
import ServiceKit

/// `sms.notify` for other services (see `SMSNotify`): a notice is claimed under its idempotency key's row
/// lock, handed to the provider unless it was sent before, and marked sent; the text itself is never
/// stored or logged here (it may carry vouchers' codes), only its hash, which a retry must match.
enum SMSNoticeOperation {
    static func register(on handlers: inout InternalHandlers, database: PostgresPool, sms: any SMSProvider) {
        handlers.on(SMSNotify.self) { request, call, context in
            let key = try call.checkedIdempotencyKey()
            guard MobileNumber.isValid(request.mobile) else {
                return .failure(.invalidParams, "mobile must be 11 digits starting with 1")
            }
            let hash = Hex.encode(Digest.sha256(request.mobile + "\n" + request.text))
            return try await database.transaction { transaction in
                try await transaction.execute(
                    """
                    INSERT INTO auth.sms_notices (idempotency_key, mobile, text_hash)
                    VALUES (\(key), \(request.mobile), \(hash)) ON CONFLICT (idempotency_key) DO NOTHING
                    """)
                let rows = try await transaction.query(
                    """
                    SELECT text_hash, sent_at IS NOT NULL AS sent FROM auth.sms_notices
                     WHERE idempotency_key = \(key) FOR UPDATE
                    """)
                guard try rows[0].decode("text_hash", as: String.self) == hash else {
                    return .failure(.invalidParams, "this Idempotency-Key was used with another message")
                }
                if try rows[0].decode("sent", as: Bool.self) { return .ok(MeshEmpty()) }
                do {
                    try await sms.send(to: request.mobile, text: request.text)
                } catch {
                    context.logger.warning("notice not sent", [("error", .string("\(error)"))])
                    return .failure(.codeSendFailed, "the SMS provider did not take the message; retry later")
                }
                try await transaction.execute(
                    "UPDATE auth.sms_notices SET sent_at = now() WHERE idempotency_key = \(key)")
                return .ok(MeshEmpty())
            }
        }
    }
}
