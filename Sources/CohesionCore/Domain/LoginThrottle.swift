import Foundation

/// The rule against guessing passwords: past `limit` failures within `window` for one
/// account or one address, further attempts are refused until old failures age out.
public struct LoginThrottle: Sendable {
    public let limit: Int
    public let window: TimeInterval

    public static let standard = LoginThrottle(limit: 10, window: 15 * 60)

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    public func windowStart(now: Date) -> Date { now.addingTimeInterval(-window) }

    public func isBlocked(failuresForAccount: Int, failuresFromAddress: Int) -> Bool {
        failuresForAccount >= limit || failuresFromAddress >= limit
    }
}
