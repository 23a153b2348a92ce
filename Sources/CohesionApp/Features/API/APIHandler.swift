import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit
import Vapor

/// The JSON API, implementing the protocol generated from `openapi.yaml`. Each operation runs
/// after its access rule (`APIRules`); the handlers read the request from `APIContext`.
/// Errors are thrown as `AppError` and answered as problem details by `ErrorPageMiddleware`.
struct APIHandler: APIProtocol {
    var request: Request { get throws { try APIContext.current() } }

    func caller() throws -> APICaller {
        guard let caller = try request.apiCaller else { throw AppError(.unauthorized, "Bitte mit einem API-Token anfragen.") }
        return caller
    }

    func id(_ raw: String) throws -> UUID {
        guard let id = UUID(uuidString: raw) else { throw AppError.notFound }
        return id
    }
}

extension Date {
    /// A date in Berlin as the API writes `format: date`.
    var apiDay: String { BerlinTime.day(of: self).iso }
}
