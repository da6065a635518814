import Foundation
import Synchronization

/// A fixed set of event loops (by default one per core) shared by a process's server and client.
public final class EventLoopGroup: Sendable {
    public let loops: [EventLoop]
    private let cursor = Atomic<Int>(0)

    public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        loops = try (0..<max(1, threads)).map { try EventLoop(index: $0) }
        for loop in loops { loop.start() }
    }

    /// The next loop, round robin.
    public func next() -> EventLoop {
        let n = cursor.wrappingAdd(1, ordering: .relaxed).oldValue
        return loops[n % loops.count]
    }

    /// The loop whose thread is running this code, if any.
    public var current: EventLoop? { loops.first { $0.inLoop } }

    /// The current loop when called on one, else the next one round robin.
    public func currentOrNext() -> EventLoop { current ?? next() }

    /// Stops every loop and waits for their threads to finish.
    public func shutdown() async {
        for loop in loops { loop.stop() }
        while !loops.allSatisfy(\.isFinished) {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }
}
