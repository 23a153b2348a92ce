import Vapor

/// Who calls the API, as the feature that checks bearer tokens found them: the token's owner,
/// whether the token may change anything, and until when it holds. The platform reads the caller
/// (`Request.user` on the API), never the token.
struct APICaller: Sendable {
    let user: CurrentUser
    let mayWrite: Bool
    let expiresAt: Date
}

extension Request {
    private struct APICallerKey: StorageKey { typealias Value = APICaller }

    var apiCaller: APICaller? {
        get { storage[APICallerKey.self] }
        set { storage[APICallerKey.self] = newValue }
    }

    /// Whether this request is one of the API's: there the token decides, not the session.
    var isAPI: Bool { url.path.hasPrefix("/api/") }
}
