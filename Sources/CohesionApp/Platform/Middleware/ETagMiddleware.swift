import CohesionCore
import Vapor

/// Gives every successful GET an ETag from its body and answers 304 when the browser already
/// has that version: pages render in microseconds, but the bytes need not travel again.
struct ETagMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        guard req.method == .GET, response.status == .ok, let body = response.body.buffer else { return response }
        let tag = "\"" + body.withUnsafeReadableBytes { Fingerprint.of($0) } + "\""
        response.headers.replaceOrAdd(name: .eTag, value: tag)
        let known = req.headers[.ifNoneMatch].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if known.contains(tag) || known.contains("W/" + tag) {
            let notModified = Response(status: .notModified, headers: response.headers)
            notModified.headers.remove(name: .contentLength)
            return notModified
        }
        return response
    }
}
