import Dispatch
import Foundation
import Synchronization

/// One dedicated thread that owns a `Context` and runs submitted jobs on it one after another.
///
/// The context is created on the thread and never leaves it, so it needs no locking. Blocking work
/// (libpq calls) runs here instead of on the Swift concurrency pool. Jobs submitted before `stop()` still
/// run; then `tearDown` runs and the thread ends.
final class ConfinedThread<Context>: Sendable {
    typealias Job = @Sendable (Context) -> Void

    private let queue = JobQueue<Context>()

    init(
        name: String,
        makeContext: @escaping @Sendable () -> Context,
        tearDown: @escaping @Sendable (Context) -> Void
    ) {
        let queue = queue
        let thread = Thread {
            let context = makeContext()
            while let job = queue.next() {
                job(context)
            }
            tearDown(context)
        }
        thread.name = name
        thread.start()
    }

    deinit {
        queue.stop()
    }

    /// Queues `job`; returns false (and drops it) when the thread was already told to stop.
    func submit(_ job: @escaping Job) -> Bool {
        queue.submit(job)
    }

    /// Lets the thread finish the queued jobs, tear the context down, and end.
    func stop() {
        queue.stop()
    }
}

/// The job list of a `ConfinedThread`; the semaphore counts queued jobs plus one wake-up for stopping.
private final class JobQueue<Context>: Sendable {
    private struct State {
        var jobs: [ConfinedThread<Context>.Job] = []
        var isStopped = false
    }

    private let state = Mutex(State())
    private let wakeUp = DispatchSemaphore(value: 0)

    func submit(_ job: @escaping ConfinedThread<Context>.Job) -> Bool {
        let accepted = state.withLock { state in
            guard !state.isStopped else { return false }
            state.jobs.append(job)
            return true
        }
        if accepted { wakeUp.signal() }
        return accepted
    }

    func stop() {
        let wasRunning = state.withLock { state in
            defer { state.isStopped = true }
            return !state.isStopped
        }
        if wasRunning { wakeUp.signal() }
    }

    /// Blocks until a job is queued (returning it) or the queue is stopped and empty (returning nil).
    func next() -> ConfinedThread<Context>.Job? {
        while true {
            wakeUp.wait()
            let (job, isFinished) = state.withLock { state -> (ConfinedThread<Context>.Job?, Bool) in
                if !state.jobs.isEmpty { return (state.jobs.removeFirst(), false) }
                return (nil, state.isStopped)
            }
            if let job { return job }
            if isFinished { return nil }
        }
    }
}
