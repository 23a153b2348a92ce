import Vapor

/// Runs several `AsyncMiddleware` one inside the other in one task, and the route after them
/// in the same task where the route answers asynchronously (`get(_:_:use:)` registers them so).
///
/// Why: Vapor chains middleware through futures, and an `AsyncMiddleware` there starts a task of
/// its own and waits for the next one's future; the six of the application, the route's access
/// check and the route itself meant eight tasks per request and a hop between threads at each
/// step in and out. Grouped, they call each other directly, in the order given; what each one
/// does is unchanged.
package struct AsyncMiddlewareGroup: AsyncMiddleware {
    package let members: [any AsyncMiddleware]

    package init(_ members: [any AsyncMiddleware]) {
        self.members = members
    }

    /// Vapor's entry: one task for the group and, when it is asynchronous, the route behind it.
    package func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let last = (next as? any AsyncResponder) ?? AsyncBasicResponder { try await next.respond(to: $0).get() }
        let promise = request.eventLoop.makePromise(of: Response.self)
        promise.completeWithTask { try await respond(to: request, chainingTo: last) }
        return promise.futureResult
    }

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await Link(members: members[...], last: next).respond(to: request)
    }

    /// The rest of the group, then `last`.
    private struct Link: AsyncResponder {
        let members: ArraySlice<any AsyncMiddleware>
        let last: any AsyncResponder

        func respond(to request: Request) async throws -> Response {
            guard let first = members.first else { return try await last.respond(to: request) }
            return try await first.respond(to: request, chainingTo: Link(members: members.dropFirst(), last: last))
        }
    }
}
