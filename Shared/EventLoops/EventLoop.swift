import CShims
import Foundation
import Glibc
import Synchronization

/// Receives readiness events and periodic ticks on the loop it is registered with. Every method
/// runs on that loop's thread.
public protocol EventLoopHandler: AnyObject {
    func handleEvents(_ events: UInt32)
    /// Called about four times a second with the monotonic time, to enforce deadlines.
    func tick(now: UInt64)
}

/// One epoll loop on its own thread. Sockets registered with it are served only by that thread;
/// other threads hand it work through `execute`, which wakes it with an eventfd.
// Safe to share: every `var` and the `scratch` buffer are touched only on the loop's own thread
// (every caller is a handler callback or a job run by `execute`); the job queue that other threads
// write is guarded by a Mutex, and `stopping` and `finished` are atomic or locked.
public final class EventLoop: @unchecked Sendable {
    public let index: Int
    private let epfd: Int32
    private let wakeFD: Int32
    private let jobs = Mutex<[@Sendable () -> Void]>([])
    private let stopping = Atomic<Bool>(false)
    private var handlers: [UInt64: EventLoopHandler] = [:]
    private var nextID: UInt64 = 1
    private var dateCache = HTTPDateCache()
    private var lastTick: UInt64 = 0
    /// Read buffer shared by the loop's connections (one read at a time on this thread).
    public let scratch: UnsafeMutableRawBufferPointer
    private let finished = Mutex<Bool>(false)
    /// The loop thread's `pthread_t`, once it runs.
    private let owner = Atomic<UInt>(0)
    private static let wakeID: UInt64 = 0
    private static let tickNanoseconds: UInt64 = 250_000_000

    init(index: Int) throws {
        self.index = index
        epfd = cshims_epoll_create()
        guard epfd >= 0 else { throw SocketError("epoll_create1") }
        wakeFD = cshims_eventfd()
        guard wakeFD >= 0 else { throw SocketError("eventfd") }
        guard cshims_epoll_add(epfd, wakeFD, cshims_EPOLLIN, EventLoop.wakeID) == 0 else {
            throw SocketError("epoll_ctl(eventfd)")
        }
        scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    }

    deinit {
        scratch.deallocate()
        Glibc.close(epfd)
        Glibc.close(wakeFD)
    }

    /// Runs `work` on the loop's thread, soon. Safe from any thread; from the loop's own thread it
    /// runs before the loop waits again, without a wake-up.
    public func execute(_ work: @escaping @Sendable () -> Void) {
        let first = jobs.withLock { queue -> Bool in
            queue.append(work)
            return queue.count == 1
        }
        if first && !inLoop { _ = cshims_eventfd_signal(wakeFD) }
    }

    /// True on the loop's own thread.
    public var inLoop: Bool { pthread_self() == owner.load(ordering: .relaxed) }

    /// The current `Date` header text (loop thread only).
    public var httpDate: String {
        dateCache.refresh()
        return dateCache.text
    }

    /// Registers a socket; returns the registration id (loop thread only).
    public func register(fd: Int32, events: UInt32, handler: EventLoopHandler) throws -> UInt64 {
        let id = nextID
        nextID += 1
        guard cshims_epoll_add(epfd, fd, events, id) == 0 else { throw SocketError("epoll_ctl(ADD)") }
        handlers[id] = handler
        return id
    }

    public func modify(fd: Int32, id: UInt64, events: UInt32) {
        _ = cshims_epoll_mod(epfd, fd, events, id)
    }

    /// Removes a socket; must come before `close(fd)` (loop thread only).
    public func deregister(fd: Int32, id: UInt64) {
        _ = cshims_epoll_del(epfd, fd)
        handlers[id] = nil
    }

    /// Asks the loop to stop after the current iteration.
    func stop() {
        stopping.store(true, ordering: .releasing)
        _ = cshims_eventfd_signal(wakeFD)
    }

    func start() {
        let thread = Thread { [self] in self.run() }
        thread.name = "event-loop-\(index)"
        thread.stackSize = 1 << 20
        thread.start()
    }

    var isFinished: Bool { finished.withLock { $0 } }

    private func run() {
        owner.store(pthread_self(), ordering: .relaxed)
        let capacity = 256
        let events = UnsafeMutablePointer<cshims_event>.allocate(capacity: capacity)
        defer { events.deallocate() }
        while !stopping.load(ordering: .acquiring) {
            let count = cshims_epoll_wait(epfd, events, Int32(capacity), 250)
            if count > 0 {
                for i in 0..<Int(count) {
                    let event = events[i]
                    if event.id == EventLoop.wakeID {
                        _ = cshims_eventfd_drain(wakeFD)
                    } else if let handler = handlers[event.id] {
                        handler.handleEvents(event.events)
                    }
                }
            }
            runJobs()
            let now = MonotonicClock.now()
            if now &- lastTick >= EventLoop.tickNanoseconds {
                lastTick = now
                for handler in Array(handlers.values) { handler.tick(now: now) }
                runJobs()
            }
        }
        runJobs()
        finished.withLock { $0 = true }
    }

    private func runJobs() {
        while true {
            let batch = jobs.withLock { queue -> [@Sendable () -> Void] in
                let taken = queue
                queue.removeAll(keepingCapacity: true)
                return taken
            }
            if batch.isEmpty { return }
            for job in batch { job() }
        }
    }
}

extension EventLoop {
    /// Runs `work` on the loop and waits for it.
    public func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            execute { continuation.resume(with: Result { try work() }) }
        }
    }
}

/// Tasks that prefer the loop (`Task(executorPreference: loop)`) run on its thread: a request's
/// handler then runs where its connection lives, and the answers it awaits resume there, without
/// crossing threads.
extension EventLoop: TaskExecutor {
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        execute { job.runSynchronously(on: executor) }
    }
}
