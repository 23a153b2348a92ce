import Foundation

/// A token bucket per key (an API token, or a client address for anonymous calls): `perMinute`
/// requests a minute on average, with bursts up to the same number. Kept in memory: each instance
/// limits what reaches it, which bounds the whole site at instances × the limit.
package actor RateLimiter {
    private struct Bucket { var tokens: Double; var updated: Date }

    package let perMinute: Int
    private var buckets: [String: Bucket] = [:]

    package init(perMinute: Int) {
        self.perMinute = perMinute
    }

    /// Nil when the request may go ahead, else the seconds until it may.
    package func retryAfter(_ key: String, now: Date) -> Int? {
        let capacity = Double(perMinute)
        let rate = Double(perMinute) / 60
        var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: now)
        bucket.tokens = min(capacity, bucket.tokens + max(0, now.timeIntervalSince(bucket.updated)) * rate)
        bucket.updated = now
        defer {
            buckets[key] = bucket
            if buckets.count > 50_000 { prune(now: now) }
        }
        guard bucket.tokens >= 1 else { return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up))) }
        bucket.tokens -= 1
        return nil
    }

    /// Forgets buckets that have filled up again: they would allow a full burst anyway.
    private func prune(now: Date) {
        buckets = buckets.filter { now.timeIntervalSince($0.value.updated) < 60 }
    }
}
