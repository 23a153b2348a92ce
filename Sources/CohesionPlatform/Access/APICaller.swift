import Vapor

/// Who calls the API, as the feature that checks bearer tokens found them: the token's owner,
/// whether the token may change anything, and until when it holds. The platform reads the caller
/// (`Request.user` on the API), never the token.
package struct APICaller: Sendable {
    package let user: CurrentUser
    package let mayWrite: Bool
    package let expiresAt: Date

    package init(user: CurrentUser, mayWrite: Bool, expiresAt: Date) {
        self.user = user
        self.mayWrite = mayWrite
        self.expiresAt = expiresAt
    }
}

extension Request {
    private struct APICallerKey: StorageKey { typealias Value = APICaller }

    package var apiCaller: APICaller? {
        get { storage[APICallerKey.self] }
        set { storage[APICallerKey.self] = newValue }
    }

    /// Whether this request is one of the API's: there the token decides, not the session.
    /// Read from the matched route where there is one: `url.path` parses the address again on
    /// every call (Foundation's `URLComponents`), and every `user` asks this.
    package var isAPI: Bool {
        guard let route else { return url.path.hasPrefix("/api/") }
        return route.path.first == .constant("api")
    }
}
