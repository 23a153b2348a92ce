import CohesionCore
import Fluent
import SQLKit
import Vapor

/// Sessions live in the database so that any instance can serve any request.
package enum SessionStore {
    package static let cookieName = "cohesion_session"
    /// However active, a session ends this long after login.
    package static let lifetime: TimeInterval = 12 * 60 * 60

    private struct Row: Decodable {
        let id: UUID
        let csrfToken: String
        let expiresAt: Date
        let createdAt: Date?
        let userID: UUID?
        let name: String?
        let email: String?
        let role: String?
        let personalShared: Int64?
        let personalOwn: Int64?
    }

    /// The statement of `visitor(secret:…)`, written once: SQLKit's builder serialized it anew on
    /// every request, 9 % of Mein Programm's CPU time (`perf`). Both databases quote identifiers
    /// with double quotes; the secret's hash is the one bound value.
    private static let visitorQuery = """
        SELECT s.id, s.csrf_token, s.expires_at, s.created_at, s.user_id, u.name, u.email, u.role,
        (SELECT value FROM \(PersonalRevision.sharedTable) WHERE id = 1) AS personal_shared,
        (SELECT r.value FROM \(PersonalRevision.table) r WHERE r.user_id = s.user_id) AS personal_own
        FROM \(WebSession.schema) s LEFT JOIN \(User.schema) u ON s.user_id = u.id
        WHERE s.token_hash =
        """

    /// Session and user in one query: this runs on every request that carries a cookie. It also
    /// reads the counters behind the person's kept pages, rather than by a statement of their own.
    /// `idle`: a session unused this long has ended; each use moves its end (`expires_at`) that far
    /// ahead again, written at most once a minute, and never beyond `lifetime` after login.
    package static func visitor(secret: String, now: Date, idle: TimeInterval, on db: Database) async throws -> Visitor? {
        guard let sql = db as? any SQLDatabase else { return nil }
        let row = try await sql.raw("\(unsafeRaw: visitorQuery) \(bind: secretHash(secret))")
            .first(decoding: Row.self, with: .snakeCaseColumns)
        guard let row, row.expiresAt > now else { return nil }
        let renewed = min(now.addingTimeInterval(idle), (row.createdAt ?? now).addingTimeInterval(lifetime))
        if renewed.timeIntervalSince(row.expiresAt) > 60 {
            try await sql.update(WebSession.schema).set("expires_at", to: SQLBind(renewed)).where("id", .equal, SQLBind(row.id)).run()
        }
        var user: CurrentUser?
        if let id = row.userID, let name = row.name, let email = row.email, let role = row.role.flatMap(Role.init) {
            user = CurrentUser(id: id, name: name, email: email, role: role)
        }
        let revision = user == nil ? nil : PersonalRevision.Value(shared: row.personalShared ?? 0, own: row.personalOwn ?? 0)
        return Visitor(sessionID: row.id, csrfToken: row.csrfToken, user: user, personalRevision: revision)
    }

    /// Starts a fresh session (a new secret and CSRF token), for a visitor or a user who just logged in.
    /// A new secret on login prevents session fixation.
    package static func start(for user: CurrentUser?, on req: Request) async throws -> Visitor {
        if let old = req.visitor.sessionID {
            try await WebSession.query(on: req.db).filter(\.$id == old).delete()
        }
        let secret = req.cohesion.secrets.make()
        let session = WebSession(
            tokenHash: secretHash(secret), userID: user?.id,
            csrfToken: req.cohesion.secrets.make(), createdAt: req.now,
            expiresAt: req.now.addingTimeInterval(req.cohesion.config.sessionIdle))
        try await session.create(on: req.db)
        req.newSessionSecret = secret
        let visitor = Visitor(sessionID: session.id, csrfToken: session.csrfToken, user: user)
        req.visitor = visitor
        return visitor
    }

    /// A session for a form of an anonymous visitor (login, password reset), created on first need.
    package static func ensure(on req: Request) async throws -> Visitor {
        if req.visitor.sessionID != nil { return req.visitor }
        return try await start(for: nil, on: req)
    }

    /// Ends every session of `userID`, on every device; this request's visitor is anonymous afterwards.
    /// `db` lets the caller end them in its own transaction (with the audit line).
    package static func endAll(of userID: UUID, for req: Request, on db: any Database) async throws {
        try await WebSession.query(on: db).filter(\.$user.$id == userID).delete()
        req.visitor = .anonymous
    }

    package static func end(on req: Request) async throws {
        if let id = req.visitor.sessionID {
            try await WebSession.query(on: req.db).filter(\.$id == id).delete()
        }
        req.visitor = .anonymous
    }

    package static func cookie(secret: String, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: secret, maxAge: Int(lifetime), path: "/", isSecure: secure,
            isHTTPOnly: true, sameSite: .lax)
    }
}
