import JSON
import ServiceKit

/// Reading the admin operations' parameters: ids are whole numbers, sent as JSON numbers or as digit strings.
extension Parameters {
    /// The `account_id` the operations name.
    func accountID() throws(InputProblem) -> Int64 {
        try requiredPositiveInteger("account_id", maximum: Int64.max)
    }
}
