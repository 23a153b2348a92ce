import Foundation

/// The rule against guessing passwords, made so that an attacker cannot lock out a legitimate user:
///
/// - Failures count per account *and* address. After `freeFailures`, each further attempt from
///   that address on that account waits `baseDelay`, doubling with every failure up to `maxDelay`.
///   The same account from another address (its owner at their desk) is not slowed down.
/// - Per address across all accounts only against password spraying: `sprayLimit` failures in
///   `window` block the address for `baseDelay` after the last one — far above what one office
///   behind a town hall's proxy produces, so a dozen failures never block a correct login there.
public struct LoginThrottle: Sendable {
    /// The failures counted, and the time of the last.
    public struct Failures: Sendable {
        public let count: Int
        public let last: Date?

        public init(count: Int, last: Date?) {
            self.count = count
            self.last = last
        }
    }

    public let window: TimeInterval
    public let freeFailures: Int
    public let baseDelay: TimeInterval
    public let maxDelay: TimeInterval
    public let sprayLimit: Int

    public static let standard = LoginThrottle(window: 15 * 60, freeFailures: 5, baseDelay: 60, maxDelay: 15 * 60, sprayLimit: 50)

    public init(window: TimeInterval, freeFailures: Int, baseDelay: TimeInterval, maxDelay: TimeInterval, sprayLimit: Int) {
        self.window = window
        self.freeFailures = freeFailures
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.sprayLimit = sprayLimit
    }

    public func windowStart(now: Date) -> Date { now.addingTimeInterval(-window) }

    /// The delay after `count` failures of one account from one address: none up to `freeFailures`.
    public func delay(afterFailures count: Int) -> TimeInterval {
        guard count >= freeFailures else { return 0 }
        return min(maxDelay, baseDelay * pow(2, Double(min(count - freeFailures, 20))))
    }

    /// Whole seconds to wait before the next attempt, or nil when it may go ahead.
    public func retryAfter(accountFromAddress pair: Failures, fromAddress address: Failures, now: Date) -> Int? {
        var until = Date.distantPast
        if pair.count >= freeFailures, let last = pair.last { until = max(until, last.addingTimeInterval(delay(afterFailures: pair.count))) }
        if address.count >= sprayLimit, let last = address.last { until = max(until, last.addingTimeInterval(baseDelay)) }
        let wait = until.timeIntervalSince(now)
        // Stored times may come back a fraction of a second off; the nearest whole second is what people read.
        return wait > 0 ? max(1, Int(wait.rounded())) : nil
    }
}
