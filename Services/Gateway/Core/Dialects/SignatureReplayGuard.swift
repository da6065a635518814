import Synchronization

/// Remembers the signatures of timestamped requests (the app base API's `sign`) until their timestamp
/// leaves the window, so an identical request sent again inside the window is recognised as a replay.
/// Memory is bounded by the window: an entry is dropped once its request would be refused as stale anyway,
/// and at most `capacity` live entries are kept.
final class SignatureReplayGuard: Sendable {
    /// What remembering a signature found.
    enum Outcome: Equatable {
        /// First time inside the window: remembered.
        case fresh
        /// Seen before inside the window.
        case repeated
        /// The memory is full of live entries; the request cannot be checked.
        case full
    }

    private struct State {
        /// Signature key → the Unix second after which its request is stale.
        var expiries: [String: Int] = [:]
        var nextSweep = 0
    }

    private let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 200_000) {
        self.capacity = capacity
    }

    /// Remembers `key` until `expires` (Unix seconds); `now` is the current Unix second.
    func remember(_ key: String, expires: Int, now: Int) -> Outcome {
        state.withLock { state in
            if let known = state.expiries[key], known >= now { return .repeated }
            if state.expiries.count >= capacity || now >= state.nextSweep {
                state.expiries = state.expiries.filter { $0.value >= now }
                state.nextSweep = now + 1
            }
            guard state.expiries.count < capacity else { return .full }
            state.expiries[key] = expires
            return .fresh
        }
    }
}
