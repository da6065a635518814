import JSON
import ServiceKit

/// Reading the parameters of the internal operations: ids and amounts are whole numbers, sent as
/// JSON numbers or as digit strings.
extension Parameters {
    /// The `account_id` every internal operation names.
    func accountID() throws(InputProblem) -> Int64 {
        try requiredPositiveInteger("account_id", maximum: Int64.max)
    }

    /// `reference` (what the movement is for) and `reason`, both optional.
    func movementNotes() throws(InputProblem) -> (reference: String?, reason: String?) {
        (try text("reference", maxLength: 64), try text("reason", maxLength: 200))
    }
}

/// The idempotency key a mutating internal call must carry.
enum IdempotencyKey {
    static let maximumLength = 128

    static func required(_ key: String?) throws(InputProblem) -> String {
        guard let key, !key.isEmpty else { throw InputProblem("Idempotency-Key", .missing) }
        guard key.utf8.count <= maximumLength, key.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw InputProblem("Idempotency-Key", .malformed("须为 1-\(maximumLength) 个可见 ASCII 字符"))
        }
        return key
    }
}
