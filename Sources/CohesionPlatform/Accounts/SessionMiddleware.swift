import Vapor

/// Finds the visitor behind the session cookie and writes a new cookie when the session changed.
package struct SessionMiddleware: AsyncMiddleware {
    package func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let incoming = req.cookies[SessionStore.cookieName]?.string
        if let incoming, let visitor = try await SessionStore.visitor(secret: incoming, now: req.now, idle: req.cohesion.config.sessionIdle, on: req.db) {
            req.visitor = visitor
        }
        let response = try await next.respond(to: req)
        if let secret = req.newSessionSecret {
            response.cookies[SessionStore.cookieName] = SessionStore.cookie(secret: secret, secure: req.cohesion.config.secureCookies)
        } else if incoming != nil && req.visitor.sessionID == nil {
            response.cookies[SessionStore.cookieName] = .expired
        }
        return response
    }
}
