import CohesionCore
import Vapor

/// The signed-in person, as much of them as pages need.
struct CurrentUser: Sendable {
    let id: UUID
    let name: String
    let email: String
    let role: Role
}

/// Who is asking: the session (if any) and the user behind it (if logged in).
struct Visitor: Sendable {
    let sessionID: UUID?
    let csrfToken: String?
    let user: CurrentUser?

    static let anonymous = Visitor(sessionID: nil, csrfToken: nil, user: nil)
}

extension Request {
    private struct VisitorKey: StorageKey { typealias Value = Visitor }
    private struct NewSessionCookieKey: StorageKey { typealias Value = String }

    var visitor: Visitor {
        get { storage[VisitorKey.self] ?? .anonymous }
        set { storage[VisitorKey.self] = newValue }
    }

    /// On the API the bearer token's owner (`APICaller`), elsewhere the session's.
    var user: CurrentUser? { isAPI ? apiCaller?.user : visitor.user }

    /// A secret to put into the session cookie of the response (set by login or `ensureSession`).
    var newSessionSecret: String? {
        get { storage[NewSessionCookieKey.self] }
        set { storage[NewSessionCookieKey.self] = newValue }
    }
}

extension Request {
    /// The signed-in user; the route's role check has made sure there is one.
    func requireUser() throws -> CurrentUser {
        guard let user else { throw AppError.unauthorized }
        return user
    }
}
