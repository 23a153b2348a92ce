import CohesionCore
import Vapor

/// An API error as problem details (RFC 9457): the status, a German explanation, and for invalid
/// input the message for each field, as the forms give them.
struct APIProblem: AbortError {
    let status: HTTPResponseStatus
    let reason: String
    var fieldErrors: [String: String] = [:]
    var retryAfter: Int?

    init(_ status: HTTPResponseStatus, _ reason: String, fieldErrors: [String: String] = [:], retryAfter: Int? = nil) {
        self.status = status
        self.reason = reason
        self.fieldErrors = fieldErrors
        self.retryAfter = retryAfter
    }

    static func invalid(_ errors: FieldErrors) -> APIProblem {
        APIProblem(.unprocessableEntity, "Die Angaben sind unvollständig oder fehlerhaft.", fieldErrors: errors.messages)
    }

    static let notFound = APIProblem(.notFound, "Nicht gefunden.")
}
