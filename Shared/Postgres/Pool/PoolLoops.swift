import EventLoops
import Synchronization

/// The event loops a pool's connections run on: a group the caller shares with the pool, or a private group of
/// one loop thread that the pool starts when it opens its first connection and shuts down when it closes.
enum PoolLoops: Sendable {
    case shared(EventLoopGroup)
    case owned(PrivateLoopGroup)

    /// The loop running the calling code, when it is one of the group's (a task that prefers that loop).
    var current: EventLoop? {
        switch self {
        case let .shared(group): return group.current
        case let .owned(group): return group.current
        }
    }

    /// The loop for a new connection: the caller's own loop when it runs on one of the group's, so that its
    /// statements need no thread hop; otherwise the next one round robin.
    func currentOrNext() -> Result<EventLoop, PostgresError> {
        switch self {
        case let .shared(group): return .success(group.currentOrNext())
        case let .owned(group): return group.currentOrNext()
        }
    }
}

/// A pool's own event loop group, started on first use.
final class PrivateLoopGroup: Sendable {
    /// Loop threads of a pool that was not given a group.
    static let threadCount = 1

    private let group = Mutex<EventLoopGroup?>(nil)

    /// The loop running the calling code, when it is this group's.
    var current: EventLoop? {
        group.withLock { $0?.current }
    }

    /// The caller's loop or the group's next one, starting the group first if needed; fails when its thread
    /// cannot be started.
    func currentOrNext() -> Result<EventLoop, PostgresError> {
        group.withLock { group in
            if let group { return .success(group.currentOrNext()) }
            do {
                let started = try EventLoopGroup(threads: Self.threadCount)
                group = started
                return .success(started.next())
            } catch {
                let reason = "the pool could not start its event loop thread: \(error)"
                return .failure(
                    PostgresError(.connectionFailed(reason), connectionIsBroken: true, statementWasNotSent: true))
            }
        }
    }

    /// Stops the loop thread, if it was started, and waits for it to end.
    func shutdown() async {
        let started = group.withLock { group in
            defer { group = nil }
            return group
        }
        await started?.shutdown()
    }
}
