import CohesionCore
import Vapor

/// Rejects a state-changing request whose form does not carry the session's CSRF token.
package struct CSRFMiddleware: AsyncMiddleware {
    package static let field = "_csrf"
    package static let rejected =
        "Das Formular ist abgelaufen oder wurde nicht von dieser Seite gesendet. Bitte laden Sie die Seite neu und senden Sie es noch einmal."

    /// The largest body this group of routes accepts; uploads get a larger one than forms.
    package var maxBodySize: ByteCount? = nil

    package func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.method != .GET && req.method != .HEAD {
            // Vapor collects a streamed body only inside the route, after the middleware; the token
            // is in the body, so collect it here (the route then finds it collected).
            if req.body.data == nil {
                _ = try await req.body.collect(max: (maxBodySize ?? req.application.routes.defaultMaxBodySize).value).get()
            }
            let sent = try? req.content.get(String.self, at: Self.field)
            guard let expected = req.visitor.csrfToken, let sent,
                Array(sent.utf8).secureCompare(to: Array(expected.utf8))
            else {
                throw AppError.forbidden(Self.rejected)
            }
        }
        return try await next.respond(to: req)
    }
}

/// Errors with a message meant for people.
