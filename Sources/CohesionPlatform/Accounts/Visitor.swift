import CohesionCore
import Vapor

/// The signed-in person, as much of them as pages need.
package struct CurrentUser: Sendable {
    package let id: UUID
    package let name: String
    package let email: String
    package let role: Role

    package init(id: UUID, name: String, email: String, role: Role) {
        self.id = id
        self.name = name
        self.email = email
        self.role = role
    }
}

/// Who is asking: the session (if any) and the user behind it (if logged in).
package struct Visitor: Sendable {
    package let sessionID: UUID?
    package let csrfToken: String?
    package let user: CurrentUser?
    /// The counters behind the user's kept pages as the session's statement read them (`PersonalPageCache`).
    package let personalRevision: PersonalRevision.Value?

    package static let anonymous = Visitor(sessionID: nil, csrfToken: nil, user: nil)

    package init(sessionID: UUID?, csrfToken: String?, user: CurrentUser?, personalRevision: PersonalRevision.Value? = nil) {
        self.sessionID = sessionID
        self.csrfToken = csrfToken
        self.user = user
        self.personalRevision = personalRevision
    }
}

extension Request {
    private struct VisitorKey: StorageKey { typealias Value = Visitor }
    private struct NewSessionCookieKey: StorageKey { typealias Value = String }

    package var visitor: Visitor {
        get { storage[VisitorKey.self] ?? .anonymous }
        set { storage[VisitorKey.self] = newValue }
    }

    /// On the API the bearer token's owner (`APICaller`), elsewhere the session's.
    package var user: CurrentUser? { isAPI ? apiCaller?.user : visitor.user }

    /// A secret to put into the session cookie of the response (set by login or `ensureSession`).
    package var newSessionSecret: String? {
        get { storage[NewSessionCookieKey.self] }
        set { storage[NewSessionCookieKey.self] = newValue }
    }
}

extension Request {
    /// The signed-in user; the route's role check has made sure there is one.
    package func requireUser() throws -> CurrentUser {
        guard let user else { throw AppError.unauthorized }
        return user
    }
}
