import Synchronization

/// Answers of public read operations kept for a short time, so repeated reads of the same page
/// cost no database round trip. Every admin change clears it; a change made through another
/// replica shows within `lifetime`. A lifetime of zero turns it off.
final class ReadCache: Sendable {
    /// More distinct keys than this (page numbers are the client's choice) clear the cache.
    static let capacity = 4096

    private struct Entry: Sendable {
        let expires: ContinuousClock.Instant
        let value: any Sendable
    }

    private let lifetime: Duration
    private let entries = Mutex<[String: Entry]>([:])

    init(lifetime: Duration) {
        self.lifetime = lifetime
    }

    /// The cached value of `key`, or the one `load` gives, then kept. A key always holds one type.
    func value<Value: Sendable>(_ key: String, load: () async throws -> Value) async throws -> Value {
        guard lifetime > .zero else { return try await load() }
        let now = ContinuousClock.now
        if let entry = entries.withLock({ $0[key] }), entry.expires > now, let value = entry.value as? Value {
            return value
        }
        let value = try await load()
        let entry = Entry(expires: ContinuousClock.now + lifetime, value: value)
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
        return value
    }

    func clear() { entries.withLock { $0.removeAll(keepingCapacity: true) } }
}
