import Synchronization

/// Readiness checks.
extension PostgresPool {
    /// Runs `SELECT 1` through the pool and throws if it fails or takes longer than `timeout`
    /// (`.timeout`), for a service's `/ready` endpoint.
    ///
    /// On timeout the call returns at once; a statement already running finishes in the background and its
    /// connection returns to the pool then.
    public func ping(timeout: Duration = .seconds(2)) async throws {
        let gate = DeadlineGate()
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            gate.arm(continuation)
            let work = Task {
                do {
                    _ = try await self.query("SELECT 1")
                    gate.finish(.success(()))
                } catch {
                    gate.finish(.failure(error))
                }
            }
            gate.setTimer(
                Task {
                    do {
                        try await Task.sleep(for: timeout)
                    } catch {
                        return
                    }
                    if gate.finish(.failure(PostgresError(.timeout(timeout)))) { work.cancel() }
                })
        }
    }
}

/// Resumes a continuation once, with whichever of an operation and its timer finishes first.
private final class DeadlineGate: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Void, any Error>?
        var timer: Task<Void, Never>?
        var isFinished = false
    }

    private let state = Mutex(State())

    func arm(_ continuation: CheckedContinuation<Void, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    /// Cancels the timer right away when the operation already finished.
    func setTimer(_ timer: Task<Void, Never>) {
        let isFinished = state.withLock { state in
            state.timer = timer
            return state.isFinished
        }
        if isFinished { timer.cancel() }
    }

    /// Resumes the continuation if nobody did yet; returns whether this call did.
    @discardableResult
    func finish(_ result: Result<Void, any Error>) -> Bool {
        typealias Pending = (continuation: CheckedContinuation<Void, any Error>?, timer: Task<Void, Never>?)
        let (continuation, timer) = state.withLock { state -> Pending in
            guard !state.isFinished else { return (nil, nil) }
            state.isFinished = true
            defer { state.continuation = nil }
            return (state.continuation, state.timer)
        }
        guard let continuation else { return false }
        timer?.cancel()
        continuation.resume(with: result)
        return true
    }
}
