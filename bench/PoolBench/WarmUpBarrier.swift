import Synchronization

/// Lets a fixed number of tasks wait for each other: `arrive()` returns once all of them have arrived. The warm-up
/// uses it so that every worker holds its own connection at the same time, and the pool opens all of them.
final class WarmUpBarrier: Sendable {
    private struct State {
        var remaining: Int
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>

    init(count: Int) {
        state = Mutex(State(remaining: count))
    }

    func arrive() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let released = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                state.remaining -= 1
                state.waiting.append(continuation)
                guard state.remaining <= 0 else { return [] }
                defer { state.waiting = [] }
                return state.waiting
            }
            for waiter in released { waiter.resume() }
        }
    }
}
