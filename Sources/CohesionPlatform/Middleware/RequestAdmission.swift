import NIOCore
import Synchronization
import Vapor

/// At most `limit` requests are inside the application (routing, middleware, handlers) at once;
/// the others wait at the door in the order they came.
///
/// Why: a request inside holds its Swift tasks, and each task keeps the frames of the deepest
/// call it made until it ends (the concurrency runtime's task allocator reuses its slabs, it does
/// not return them). With 2,000 registrations arriving at once that was about 46 KB per request,
/// 93 MB of the 143 MB the heap grew by (heaptrack); a request waiting here holds only what NIO
/// parsed for it. Two cores gain nothing from more than a few dozen requests inside; the database
/// pool is smaller still.
package final class RequestAdmission: Sendable {
    package let limit: Int
    private let state: Mutex<State>

    private struct State: ~Copyable {
        var inside = 0
        var waiting = CircularBuffer<@Sendable () -> Void>()
    }

    package init(limit: Int) {
        precondition(limit > 0, "at least one request must be let in")
        self.limit = limit
        state = Mutex(State())
    }

    /// How many requests are inside and how many wait, for `/metrics`.
    package var counts: (inside: Int, waiting: Int) {
        state.withLock { ($0.inside, $0.waiting.count) }
    }

    /// Lets the caller in if there is room.
    package func tryEnter() -> Bool {
        state.withLock { state in
            guard state.inside < limit else { return false }
            state.inside += 1
            return true
        }
    }

    /// Lets the caller in now (true), or keeps `start` to run once a request ahead of it left.
    package func enter(orWait start: @escaping @Sendable () -> Void) -> Bool {
        state.withLock { state in
            if state.inside < limit {
                state.inside += 1
                return true
            }
            state.waiting.append(start)
            return false
        }
    }

    /// A request has left; the first waiting one takes its place (the count inside stays).
    package func leave() {
        let next = state.withLock { state -> (@Sendable () -> Void)? in
            if let first = state.waiting.popFirst() { return first }
            state.inside -= 1
            return nil
        }
        next?()
    }
}

/// Puts `RequestAdmission` in front of routing. Kept public pages are answered before it
/// (`PublicCacheResponder`), and the health check and `/metrics` pass by it, so that a full
/// house still answers the monitoring.
package struct AdmissionResponder: Responder {
    package let admission: RequestAdmission
    package let next: any Responder

    package init(admission: RequestAdmission, next: any Responder) {
        self.admission = admission
        self.next = next
    }

    package func respond(to request: Request) -> EventLoopFuture<Response> {
        let admission = admission
        let next = next
        @Sendable func handle() -> EventLoopFuture<Response> {
            next.respond(to: request).always { _ in admission.leave() }
        }
        if admission.tryEnter() { return handle() }
        // Only a full house asks for the address (`url.path` parses it anew).
        if Self.passesBy(request.url.path) { return next.respond(to: request) }
        let promise = request.eventLoop.makePromise(of: Response.self)
        if admission.enter(orWait: { request.eventLoop.execute { promise.completeWith(handle()) } }) {
            promise.completeWith(handle())
        }
        return promise.futureResult
    }

    private static let passingBy: Set<String> = [SiteURL.healthz.path, SiteURL.metrics.path]

    static func passesBy(_ path: String) -> Bool { passingBy.contains(path) }
}
