import Vapor

/// Turns every error into an answer: a German page for people, problem details (RFC 9457)
/// for `/api/`. Unexpected errors are logged with the request id and shown as 500 without detail.
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            return answer(error, for: req)
        }
    }

    private func answer(_ error: any Error, for req: Request) -> Response {
        let status: HTTPResponseStatus
        var message: String?
        if let abort = error as? any AbortError {
            status = abort.status
            if error is CohesionError { message = abort.reason }
        } else {
            status = .internalServerError
        }
        if status.code >= 500 {
            req.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
        } else {
            req.logger.debug("request refused", metadata: ["status": "\(status.code)", "error": "\(error)"])
        }
        if req.url.path.hasPrefix("/api/") {
            return problem(status: status, detail: message, for: req)
        }
        let page = ErrorView.render(status: Int(status.code), message: message,
                                    frame: PageFrame(title: ErrorView.title(Int(status.code)), visitor: req.visitor))
        return Response.html(page, status: status)
    }

    private func problem(status: HTTPResponseStatus, detail: String?, for req: Request) -> Response {
        struct Problem: Encodable {
            let type = "about:blank"
            let title: String
            let status: UInt
            let detail: String?
            let instance: String
        }
        let body = Problem(title: status.reasonPhrase, status: status.code, detail: detail, instance: req.url.path)
        let data = (try? JSONEncoder().encode(body)) ?? Data()
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
        return Response(status: status, headers: headers, body: .init(data: data))
    }
}
