import Foundation

/// Runs one piece of blocking work (such as reading files) on a new thread, so it never blocks the Swift
/// concurrency pool.
enum DedicatedThread {
    static func run<Value: Sendable>(
        name: String,
        _ work: @escaping @Sendable () throws -> Value
    ) async throws -> Value {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            let thread = Thread {
                continuation.resume(with: Result { try work() })
            }
            thread.name = name
            thread.start()
        }
    }
}
