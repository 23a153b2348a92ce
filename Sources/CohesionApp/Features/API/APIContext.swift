import CohesionPlatform
import Vapor

/// The Vapor request behind a generated API handler, which only sees the typed input: the handlers
/// need its database, clock and caller. Set for the duration of each API request.
enum APIContext {
    @TaskLocal static var request: Request?

    static func current() throws -> Request {
        guard let request else { throw Abort(.internalServerError, reason: "API handler outside a request") }
        return request
    }
}

/// Sets `APIContext.request` and gives the response a body in one piece, so that ETags and
/// Content-Length work as for pages (the generated server streams by default).
struct APIContextMiddleware: AsyncMiddleware {
    static let maxBody = 16 * 1024 * 1024

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await APIContext.$request.withValue(req) { try await next.respond(to: req) }
        if response.body.buffer == nil, response.body.count != 0 || response.status == .ok,
            let collected = try await response.body.collect(on: req.eventLoop).get()
        {
            guard collected.readableBytes <= Self.maxBody else { throw Abort(.internalServerError, reason: "API response too large") }
            response.body = .init(buffer: collected)
        }
        return response
    }
}
