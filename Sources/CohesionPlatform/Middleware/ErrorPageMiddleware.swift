import OpenAPIRuntime
import Vapor

/// Turns every error into an answer: a German page for people, problem details (RFC 9457)
/// for `/api/`, both from `AppError`. Unexpected errors are logged with the request id and shown as 500 without detail.
package struct ErrorPageMiddleware: AsyncMiddleware {
    package func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            return answer(error, for: req)
        }
    }

    private func answer(_ error: any Error, for req: Request) -> Response {
        let status: HTTPResponseStatus
        var message: String?
        if let serverError = error as? ServerError {
            // From the generated API: a handler's own error, or input that does not fit the document.
            if serverError.underlyingError is any AbortError { return answer(serverError.underlyingError, for: req) }
            if serverError.operationInput == nil {
                return problem(
                    status: .badRequest,
                    detail: "Die Anfrage passt nicht zur Beschreibung der Schnittstelle: "
                        + serverError.causeDescription, for: req)
            }
        }
        if Self.isPoolExhausted(error) {
            // Every database connection is busy for longer than the wait allows: a burst, not a fault.
            // 503 with Retry-After tells people and clients to try again; nothing was changed.
            req.logger.warning("database connections exhausted", metadata: ["path": "\(req.url.path)"])
            req.cohesion.metrics.databasePool.timedOut()
            return overloaded(req)
        }
        if let appError = error as? AppError {
            if req.isAPI {
                return problem(status: appError.status, detail: appError.reason, errors: appError.fieldErrors, retryAfter: appError.retryAfter, for: req)
            }
            status = appError.status
            message = appError.message
        } else if let abort = error as? any AbortError {
            // Vapor's own refusals (a body too large, a malformed request); their wording is English, so it is not shown.
            status = abort.status
        } else {
            status = .internalServerError
        }
        if status.code >= 500 {
            req.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
        } else {
            req.logger.debug("request refused", metadata: ["status": "\(status.code)", "error": "\(error)"])
        }
        if req.isAPI {
            if status == .notFound, req.route == nil {
                let allowed = APIAllowedMethods.at(req.url.path, in: req.application.routes)
                if !allowed.isEmpty {
                    let response = problem(status: .methodNotAllowed, detail: "Hier erlaubt: " + allowed.map(\.rawValue).joined(separator: ", "), for: req)
                    response.headers.replaceOrAdd(name: .allow, value: allowed.map(\.rawValue).joined(separator: ", "))
                    return response
                }
            }
            return problem(status: status, detail: message, for: req)
        }
        let page = ErrorView.render(
            status: Int(status.code), message: message,
            frame: PageFrame(title: ErrorView.title(Int(status.code)), visitor: req.visitor, features: req.features))
        return Response.html(page, status: status)
    }

    package static func isPoolExhausted(_ error: any Error) -> Bool {
        if case .connectionRequestTimeout? = error as? ConnectionPoolTimeoutError { return true }
        if let serverError = error as? ServerError { return isPoolExhausted(serverError.underlyingError) }
        return false
    }

    private func overloaded(_ req: Request) -> Response {
        let message = "Cohesion ist gerade stark ausgelastet. Bitte in wenigen Sekunden noch einmal versuchen."
        let response: Response
        if req.isAPI {
            response = problem(status: .serviceUnavailable, detail: message, retryAfter: 5, for: req)
        } else {
            response = Response.html(
                ErrorView.render(
                    status: 503, message: message,
                    frame: PageFrame(title: ErrorView.title(503), visitor: req.visitor, features: req.features)), status: .serviceUnavailable)
        }
        response.headers.replaceOrAdd(name: .retryAfter, value: "5")
        return response
    }

    private func problem(
        status: HTTPResponseStatus, detail: String?, errors: [String: String] = [:], retryAfter: Int? = nil,
        for req: Request
    ) -> Response {
        struct Problem: Encodable {
            let type = "about:blank"
            let title: String
            let status: UInt
            let detail: String?
            let instance: String
            let errors: [String: String]?
        }
        let body = Problem(
            title: status.reasonPhrase, status: status.code, detail: detail, instance: req.url.path,
            errors: errors.isEmpty ? nil : errors)
        let data = (try? JSONEncoder().encode(body)) ?? Data()
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
        if let retryAfter { headers.replaceOrAdd(name: .retryAfter, value: "\(retryAfter)") }
        if status == .unauthorized { headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"cohesion\"") }
        return Response(status: status, headers: headers, body: .init(data: data))
    }
}
