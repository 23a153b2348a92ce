import Vapor

/// Answers kept public pages before Vapor's router and middleware: an exact-path lookup on the
/// event loop, with no route match, no middleware and no hop to Swift's concurrency pool. In a
/// profile of the public part page the route lookup alone was an eighth of the CPU and the hops
/// between the event loop and the pool most of the kernel's share.
///
/// Only pages `PublicPageCacheMiddleware` kept are found here, so what is answered is decided
/// there (marked routes, complete answers with their security headers). API paths go on to the
/// middleware, which applies the anonymous rate limit first; so does everything else.
package struct PublicCacheResponder: Responder {
    package let cache: PublicPageCache
    package let metrics: AppMetrics
    package let next: any Responder

    package func respond(to request: Request) -> EventLoopFuture<Response> {
        // The kept page first: most requests that come here have none, and the address and the
        // cookies are parsed anew on each use (`url.path`, `cookies`).
        guard request.method == .GET else { return next.respond(to: request) }
        let path = request.url.path
        guard let entry = cache.entry(for: path), !path.hasPrefix("/api/"), request.url.query == nil,
            !request.headers.contains(name: .authorization),
            !request.headers.contains(name: .cookie) || request.cookies[SessionStore.cookieName] == nil
        else {
            return next.respond(to: request)
        }
        metrics.publicCacheHit()
        return request.eventLoop.makeSucceededFuture(PublicPageCacheMiddleware.answer(request, from: entry))
    }
}

extension Application {
    /// Puts `PublicCacheResponder` in front of Vapor's own responder (routes and middleware), with
    /// the door (`AdmissionResponder`) between them: a kept page needs no place inside.
    package func answerKeptPublicPagesFirst() {
        responder.use { app in
            PublicCacheResponder(
                cache: app.cohesion.publicPages, metrics: app.cohesion.metrics,
                next: AdmissionResponder(admission: app.cohesion.admission, next: app.responder.default))
        }
    }
}
