import CohesionCore
import Vapor

/// What can go wrong for a person or a client, with the words they read: not found, forbidden,
/// a conflict, invalid input with a message per field, unavailable, and the few statuses the API
/// adds. One type for both sides: `ErrorPageMiddleware` makes the German error page of it on the
/// site and problem details (RFC 9457) on the API. Anything else thrown is a fault: logged, 500.
package struct AppError: AbortError, Equatable {
    package let status: HTTPResponseStatus
    /// Said to the person; nil where the status says it all (a page that is not there).
    package let message: String?
    /// For invalid input: the message for each field, as the forms give them.
    package var fieldErrors: [String: String] = [:]
    package var retryAfter: Int?

    package init(_ status: HTTPResponseStatus, _ message: String? = nil, fieldErrors: [String: String] = [:], retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.fieldErrors = fieldErrors
        self.retryAfter = retryAfter
    }

    /// The page or object does not exist, or the person may not know that it does.
    package static let notFound = AppError(.notFound)
    /// The person is known but may not do this.
    package static func forbidden(_ message: String? = nil) -> AppError { AppError(.forbidden, message) }
    /// The request contradicts what is stored (a registration after the start, a second answer).
    package static func conflict(_ message: String) -> AppError { AppError(.conflict, message) }
    /// Input that the forms' rules refuse, with their messages.
    package static func invalid(_ errors: FieldErrors) -> AppError {
        AppError(.unprocessableEntity, "Die Angaben sind unvollständig oder fehlerhaft.", fieldErrors: errors.messages)
    }
    /// Busy for a moment: try again after `retryAfter` seconds.
    package static func unavailable(_ message: String, retryAfter: Int) -> AppError { AppError(.serviceUnavailable, message, retryAfter: retryAfter) }
    /// A one-time link that has been used or has expired.
    package static let gone = AppError(.gone)
    /// Nobody is signed in, or the token is unknown.
    package static let unauthorized = AppError(.unauthorized)

    /// AbortError's reason: the message, or the status's German name.
    package var reason: String { message ?? Self.germanName(of: status) }

    package static func germanName(of status: HTTPResponseStatus) -> String {
        switch status {
        case .notFound: "Nicht gefunden."
        case .forbidden: "Keine Berechtigung."
        case .unauthorized: "Nicht angemeldet."
        case .gone: "Nicht mehr gültig."
        default: status.reasonPhrase
        }
    }

    package static func == (lhs: AppError, rhs: AppError) -> Bool {
        lhs.status == rhs.status && lhs.message == rhs.message && lhs.fieldErrors == rhs.fieldErrors && lhs.retryAfter == rhs.retryAfter
    }
}
