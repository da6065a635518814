import Synchronization

/// Token buckets by key (client address or user id): `ratePerSecond` refill up to `burst`.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    let ratePerSecond: Double
    let burst: Double
    private let maxKeys: Int
    private let buckets = Mutex<[String: Bucket]>([:])

    init(ratePerSecond: Double, burst: Double, maxKeys: Int = 200_000) {
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        self.maxKeys = maxKeys
    }

    /// Takes one token for `key`; false when its bucket is empty.
    func allow(_ key: String, now: ContinuousClock.Instant = .now) -> Bool {
        buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: burst, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(burst, bucket.tokens + seconds * ratePerSecond)
            bucket.updated = now
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            if buckets.count >= maxKeys && buckets[key] == nil {
                // Full buckets carry no information: drop them to make room.
                buckets = buckets.filter { $0.value.tokens < burst - 1 }
            }
            buckets[key] = bucket
            return allowed
        }
    }
}
