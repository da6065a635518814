/// Transactions whose body may answer a domain refusal instead of a value.
extension PostgresPool {
    /// Runs `body` inside `BEGIN … COMMIT` like `transaction(isolation:retries:_:)`, except that a body
    /// answering `.failure(refusal)` rolls the transaction back and answers that refusal: a refusal is an
    /// outcome, not an error. Thrown errors roll back and are rethrown, serialization failures retry.
    public func transaction<Value: Sendable, Refusal: Error>(
        refusing _: Refusal.Type,
        isolation: PostgresIsolationLevel = .readCommitted,
        retries: Int = 3,
        _ body: (PostgresTransaction) async throws -> Result<Value, Refusal>
    ) async throws -> Result<Value, Refusal> {
        do {
            return .success(
                try await transaction(isolation: isolation, retries: retries) { transaction in
                    switch try await body(transaction) {
                    case .success(let value): return value
                    case .failure(let refusal): throw RefusalRollback(refusal: refusal)
                    }
                })
        } catch let rollback as RefusalRollback<Refusal> {
            return .failure(rollback.refusal)
        }
    }
}

/// Carries a body's refusal out of the transaction so that it rolls back; never leaves this file.
private struct RefusalRollback<Refusal: Error>: Error {
    let refusal: Refusal
}
