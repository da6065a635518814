import Dispatch

/// Runs CPU-heavy or blocking work (password hashing, image encoding) on Dispatch's threads, never
/// on the cooperative pool that serves requests, and awaits its result.
public enum BlockingWork {
    private static let queue = DispatchQueue(label: "blocking-work", qos: .userInitiated, attributes: .concurrent)

    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
