import CohesionCore
import Vapor

/// Gives every successful GET an ETag from its body and answers 304 when the browser already
/// has that version: pages render in microseconds, but the bytes need not travel again.
package struct ETagMiddleware: AsyncMiddleware {
    package func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        guard req.method == .GET, response.status == .ok, let body = response.body.buffer else { return response }
        let tag = "\"" + body.withUnsafeReadableBytes { Fingerprint.of($0) } + "\""
        response.headers.replaceOrAdd(name: .eTag, value: tag)
        if Self.matches(req.headers[.ifNoneMatch], tag) {
            let notModified = Response(status: .notModified, headers: response.headers)
            notModified.headers.remove(name: .contentLength)
            return notModified
        }
        return response
    }

    /// Whether `If-None-Match` names `tag` (also weakly, or as `*`): the browser has this version.
    package static func matches(_ ifNoneMatch: [String], _ tag: String) -> Bool {
        ifNoneMatch.contains { value in
            value.split(separator: ",").contains { candidate in
                let trimmed = candidate.trimmingCharacters(in: .whitespaces)
                return trimmed == tag || trimmed == "W/" + tag || trimmed == "*"
            }
        }
    }
}
